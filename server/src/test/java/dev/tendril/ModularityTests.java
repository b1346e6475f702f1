package dev.tendril;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries honest: only public top-level types cross modules, no cycles, and each module depends
 * only on the modules below it in {@link #LAYERS} (docs/architecture.md).
 */
class ModularityTests {
    static final ApplicationModules MODULES = ApplicationModules.of(Tendril.class);
    /** Bottom to top; {@code demo} and {@code cli} sit beside the stack, so nothing may depend on them. */
    static final List<String> LAYERS = List.of("platform", "workspace", "contact", "event", "condition", "scoring", "segment", "content",
            "experiment", "web", "demo", "cli");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void eachModuleDependsOnlyOnThoseBelowIt() {
        List<String> upward = new ArrayList<>();
        for (ApplicationModule module : MODULES) {
            String name = module.getIdentifier().toString();
            assertThat(LAYERS).as("every module has its place in the layering").contains(name);
            module.getDirectDependencies(MODULES).uniqueModules().map(m -> m.getIdentifier().toString())
                    .filter(target -> LAYERS.indexOf(target) >= LAYERS.indexOf(name))
                    .forEach(target -> upward.add(name + " -> " + target));
        }
        assertThat(upward).as("dependencies on a module at the same level or above").isEmpty();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
