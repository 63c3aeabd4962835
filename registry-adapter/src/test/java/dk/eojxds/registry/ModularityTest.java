package dk.eojxds.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.testsupport.modules.ServiceModules;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The service's packages as modules (Spring Modulith): each may use only the modules its
 * {@code package-info.java} allows, and of those only their API; no cycles; and
 * docs/architecture.md's table says the same.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(RegistryAdapterApplication.class);

    @Test
    void modulesUseOnlyWhatTheyAreAllowedTo() {
        MODULES.verify();
    }

    @Test
    void architectureDocumentListsEveryModuleWithItsAllowedDependencies() {
        assertThat(ServiceModules.documented("registry-adapter")).isEqualTo(ServiceModules.declared(MODULES))
                .containsOnlyKeys("register", "dgws");
    }
}
