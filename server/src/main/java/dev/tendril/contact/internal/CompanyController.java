package dev.tendril.contact.internal;

import dev.tendril.contact.Companies;
import dev.tendril.contact.CompanyView;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/companies}; contacts whose email domain is a company's domain are linked to it. */
@RestController
@RequestMapping("/api/v1/companies")
@Tag(name = "Companies")
class CompanyController {
    private final Companies companies;

    CompanyController(Companies companies) {
        this.companies = companies;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CompanyView create(@RequestBody Map<String, Object> body) {
        return companies.create(CurrentWorkspace.id(), body);
    }

    @GetMapping
    Page<CompanyView> list(@RequestParam(required = false) String domain, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        return companies.list(CurrentWorkspace.id(), domain, cursor, ContactController.limit(limit));
    }

    @GetMapping("/{id}")
    CompanyView get(@PathVariable String id) {
        return companies.get(CurrentWorkspace.id(), id);
    }

    @PatchMapping("/{id}")
    CompanyView patch(@PathVariable String id, @RequestBody Map<String, Object> body) {
        return companies.patch(CurrentWorkspace.id(), id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        companies.delete(CurrentWorkspace.id(), id);
        return ResponseEntity.noContent().build();
    }
}
