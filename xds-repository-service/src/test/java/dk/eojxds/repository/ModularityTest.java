package dk.eojxds.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dk.eojxds.testsupport.modules.ServiceModules;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The service's packages as modules (Spring Modulith): each may use only the modules its
 * {@code package-info.java} allows, and of those only their API (the base package's public types);
 * no cycles; and docs/architecture.md's table says the same.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(RepositoryApplication.class);

    @Test
    void modulesUseOnlyWhatTheyAreAllowedTo() {
        MODULES.verify();
    }

    @Test
    void architectureDocumentListsEveryModuleWithItsAllowedDependencies() {
        assertThat(ServiceModules.documented("xds-repository-service")).isEqualTo(ServiceModules.declared(MODULES))
                .containsOnlyKeys("audit", "citizen", "conformance", "documents", "publishing", "reference", "retrieve",
                        "security", "statistics", "status");
    }
}
