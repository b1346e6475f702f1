package dev.tendril.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.FailingRoute;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Every error answers RFC 9457 problem JSON a client can act on, and none leaks an internal message or a Java type. */
@IntegrationTest
class ProblemResponsesIntegrationTest {
    @Autowired TestTenants tenants;
    TestTenant t;

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    @Test
    void anUnexpectedErrorIsA500WithAnErrorIdAndNoInternalMessage() {
        var answer = t.api("GET", FailingRoute.PATH, null);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).contains("application/problem+json"));
        assertThat(answer.text("/errorId")).matches("[0-9a-f-]{36}");
        assertThat(answer.text("/detail")).contains(answer.text("/errorId"));
        assertThat(answer.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }

    @Test
    void nulCharactersInRestInputAreA400NamingTheField() {
        var body = t.api("POST", "/api/v1/contacts", "{\"email\": \"n@acme.io\", \"attributes\": {\"plan\": \"a\\u0000b\"}}");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.text("/errors/0/field")).isEqualTo("attributes.plan");
        var param = t.api("GET", "/api/v1/contacts?q=a%00b", null);
        assertThat(param.status()).isEqualTo(400);
        assertThat(param.text("/errors/0/field")).isEqualTo("q");
        assertThat(t.api("GET", "/api/v1/contacts?email=n@acme.io", null).json().at("/data").size()).as("nothing stored").isZero();
    }

    @Test
    void malformedRequestsAreProblemJsonWithoutJavaTypeNames() {
        var notAnObject = t.api("POST", "/api/v1/contacts", "[1, 2]");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.body()).doesNotContain("java.").doesNotContain("LinkedHashMap");
        var syntax = t.api("POST", "/api/v1/contacts", "{\"email\": ");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.text("/errors/0/field")).isEqualTo("body");
        var badEncoding = t.api("GET", "/api/v1/contacts?q=%ff", null);
        assertThat(badEncoding.status()).isEqualTo(400);
        assertThat(badEncoding.text("/status")).isEqualTo("400");
        var multipart = t.post("/api/v1/imports", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\na\r\n--x--\r\n");
        assertThat(multipart.status()).isEqualTo(415);
        assertThat(multipart.text("/title")).isEqualTo("Unsupported Media Type");
        var unknown = t.api("GET", "/api/v1/no-such-resource", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/status")).isEqualTo("404");
    }

    @Test
    void aDuplicateKeyIsA409AndAnyOtherRefusedValueA400NeitherNamingTheConstraint() {
        ProblemDetail duplicate = new ProblemHandler().duplicate(new DuplicateKeyException("duplicate key value violates "
                + "unique constraint \"contact_email_key\""));
        assertThat(duplicate.getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(duplicate.getDetail()).doesNotContain("contact_email_key");
        ProblemDetail refused = new ProblemHandler().integrity(new DataIntegrityViolationException("value too long for type character varying(200)"));
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
        assertThat(refused.getDetail()).doesNotContain("varying");
    }
}
