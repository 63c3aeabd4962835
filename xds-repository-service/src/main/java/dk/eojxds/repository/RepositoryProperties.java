package dk.eojxds.repository;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * This repository's identity and the code values of the documents it builds (prefix
 * {@code eojxds.repository}). Code values are configuration because their national spellings
 * are not settled (formatCode in particular).
 *
 * @param uniqueId        repositoryUniqueId: the OID by which DDS routes ITI-43 to us
 * @param homeCommunityId the community's id, {@code urn:oid:...}
 * @param buildInterval   pause between two sweeps of pending changes
 * @param buildBatchSize  changes claimed per sweep and transaction
 */
@Validated
@ConfigurationProperties("eojxds.repository")
public record RepositoryProperties(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[0-2](\\.(0|[1-9]\\d*))+") String uniqueId,
        @NotBlank @Pattern(regexp = "urn:oid:[0-2](\\.(0|[1-9]\\d*))+") String homeCommunityId,
        @NotNull Duration buildInterval,
        int buildBatchSize,
        @Valid @NotNull FamilyCodes telma,
        @Valid @NotNull FamilyCodes kpro,
        @Valid @NotNull FamilyCodes fsiii,
        @NotNull Fsiii fsiiiRules) {

    /**
     * FSIII choices that are policy, not code.
     *
     * @param deprecateWhenDeceased withdraw a citizen's overview when the gateway reports the citizen dead
     * @param organisationNames     SOR code to display name of the municipal organisations (the
     *                              gateway sends FSIII organisations by SOR code only)
     * @param scope                 what an overview may show: {@code healthcare} (nursing only, the
     *                              default) or {@code care} (home care too; ingest names the legal basis)
     */
    public record Fsiii(boolean deprecateWhenDeceased, java.util.Map<String, String> organisationNames,
                        dk.eojxds.model.fsiii.FsiiiScope scope) {

        public Fsiii {
            organisationNames = organisationNames == null ? java.util.Map.of() : java.util.Map.copyOf(organisationNames);
            scope = scope == null ? dk.eojxds.model.fsiii.FsiiiScope.HEALTHCARE : scope;
        }
    }

    /** The code values one family's documents carry. */
    public record FamilyCodes(
            @NotBlank String formatCode,
            @NotBlank String formatCodeDisplay,
            @NotBlank String facilityTypeCode,
            @NotBlank String facilityTypeDisplay,
            @NotBlank String practiceSettingCode,
            @NotBlank String practiceSettingDisplay) {
    }
}
