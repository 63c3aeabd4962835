package dk.eojxds.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which version of a series the registry shows, and what holding and publishing a municipality's
 * series queue, as xds-repository-service's role runs them. One series: TELMA, one citizen, one
 * day; Ærø's SOR code is the author of every document.
 */
class RegistryVersionsTest {

    private static final HandoverDatabase DB = new HandoverDatabase("handoverversions");
    private static final String CITIZEN = "0101501234";
    private static final String DAY = "2026-12-01";
    private static final String AERO = "1301000016005";
    private static final SeriesKey SERIES = new SeriesKey("TELMA", CITIZEN, DAY);

    private final RegistryVersions versions = new RegistryVersions(HandoverDatabase.jdbc(DB.repositoryRole));
    private final RegistrationOutbox outbox = new RegistrationOutbox(HandoverDatabase.jdbc(DB.repositoryRole));

    @AfterAll
    static void close() {
        DB.close();
    }

    @BeforeEach
    void empty() {
        DB.owner.sql("TRUNCATE repository.document, repository.registration_outbox, repository.deprecation_outbox, "
                + "repository.held_series, registry.registration, registry.deprecation CASCADE").update();
    }

    private static void store(String uniqueId, String replaces, String status) {
        DB.storeDocument(uniqueId, replaces, CITIZEN, DAY, status);
    }

    private static void registered(String uniqueId) {
        DB.owner.sql("INSERT INTO registry.registration (document_unique_id, entry_uuid, submission_set_unique_id, state) "
                + "VALUES (?, ?, '1.2.3', 'REGISTERED')").param(uniqueId).param("urn:uuid:" + uniqueId).update();
    }

    private static void deprecated(String uniqueId) {
        DB.owner.sql("INSERT INTO registry.deprecation (document_unique_id, entry_uuid, submission_set_unique_id, state) "
                + "VALUES (?, ?, '1.2.3', 'DEPRECATED')").param(uniqueId).param("urn:uuid:" + uniqueId).update();
    }

    private static List<String> queued(String outbox) {
        return DB.owner.sql("SELECT document_unique_id FROM repository." + outbox + " ORDER BY 1").query(String.class).list();
    }

    @Test
    void theRegistryShowsThePredecessorOnceItIsQueuedOrRegisteredAndNotDeprecated() {
        store("v1", null, "REPLACED");
        assertThat(versions.shown(SERIES, "v1")).as("never sent").isNull();
        outbox.enqueue("v1", CITIZEN, Priority.LIVE, null);
        assertThat(versions.shown(SERIES, "v1")).as("queued").isEqualTo("v1");
        DB.owner.sql("DELETE FROM repository.registration_outbox").update();
        registered("v1");
        assertThat(versions.shown(SERIES, "v1")).isEqualTo("v1");
        deprecated("v1");
        assertThat(versions.shown(SERIES, "v1")).as("deprecated: a new version starts a new series").isNull();
        assertThat(versions.registeredAndDeprecated("v1")).isTrue();
    }

    @Test
    void aVersionHeldBackIsSkippedForTheOneTheRegistryShows() {
        store("v1", null, "REPLACED");
        registered("v1");
        store("v2", "v1", "REPLACED");
        store("v3", "v2", "CURRENT");
        assertThat(versions.shown(SERIES, "v2")).isEqualTo("v1");
        assertThat(versions.registeredAndDeprecated("v1")).isFalse();
    }

    @Test
    void holdingAMunicipalityTakesItsQueuedWorkBackAndGoingLivePublishesTheNewestStateOnce() {
        store("v1", null, "REPLACED");
        registered("v1");
        store("v2", "v1", "REPLACED");
        outbox.enqueue("v2", CITIZEN, Priority.LIVE, "v1");
        assertThat(versions.holdQueued("1301000016001", "TELMA")).as("another municipality's").isZero();
        assertThat(versions.holdQueued(AERO, "KPRO")).as("another family").isZero();

        assertThat(versions.holdQueued(AERO, "TELMA")).isEqualTo(1);
        assertThat(queued("registration_outbox")).isEmpty();
        assertThat(versions.held()).containsExactly(new RegistryVersions.Held(AERO, "TELMA", 1));

        store("v3", "v2", "CURRENT");
        RegistryVersions.Published published = versions.publishHeld(AERO, "TELMA", "withdrawn while held");
        assertThat(published).isEqualTo(new RegistryVersions.Published(1, 0, List.of()));
        assertThat(DB.owner.sql("SELECT document_unique_id || '>' || replaces_unique_id FROM repository.registration_outbox")
                .query(String.class).list()).containsExactly("v3>v1");
        assertThat(versions.held()).isEmpty();
        assertThat(versions.publishHeld(AERO, "TELMA", "again")).isEqualTo(new RegistryVersions.Published(0, 0, List.of()));
    }

    @Test
    void withdrawingAMunicipalityDeprecatesWhatTheRegistryShowsAndGoingLiveAgainRebuildsIt() {
        store("v1", null, "REPLACED");
        registered("v1");
        store("v2", "v1", "CURRENT");
        registered("v2");

        assertThat(versions.deprecateShown(AERO, "TELMA", "municipality withdrawn")).isEqualTo(1);
        assertThat(queued("deprecation_outbox")).containsExactly("v2");
        DB.owner.sql("DELETE FROM repository.deprecation_outbox").update();
        deprecated("v2");

        RegistryVersions.Published published = versions.publishHeld(AERO, "TELMA", "withdrawn while held");
        assertThat(published.rebuilds()).containsExactly(SERIES);
        assertThat(published.registrations()).isZero();
        assertThat(published.deprecations()).isZero();
    }

    @Test
    void dataWithdrawnWhileHeldIsDeprecatedWhenTheMunicipalityGoesLive() {
        store("v1", null, "WITHDRAWN");
        registered("v1");
        versions.hold(SERIES, AERO);

        RegistryVersions.Published published = versions.publishHeld(AERO, "TELMA", "withdrawn while held");
        assertThat(published.deprecations()).isEqualTo(1);
        assertThat(DB.owner.sql("SELECT reason FROM repository.deprecation_outbox WHERE document_unique_id = 'v1'")
                .query(String.class).single()).isEqualTo("withdrawn while held");
    }
}
