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
 * @param buildBatchSize  changes claimed per batch and transaction
 * @param buildWorkers    threads building in parallel, each with its own batch and connection
 * @param phmrRelease     the PHMR-DK release TELMA documents follow: {@code 2.1} (the default) or {@code 1.3}
 * @param questionnaires  K-PRO's questionnaire catalogue: each questionnaire's canonical and the id
 *                        of its form document (QFDD); a response to a questionnaire not listed here
 *                        waits (see docs/documents.md)
 */
@Validated
@ConfigurationProperties("eojxds.repository")
public record RepositoryProperties(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[0-2](\\.(0|[1-9]\\d*))+") String uniqueId,
        @NotBlank @Pattern(regexp = "urn:oid:[0-2](\\.(0|[1-9]\\d*))+") String homeCommunityId,
        @NotNull Duration buildInterval,
        @jakarta.validation.constraints.Min(1) int buildBatchSize,
        @jakarta.validation.constraints.Min(1) int buildWorkers,
        @Valid @NotNull FamilyCodes telma,
        @Valid @NotNull FamilyCodes kpro,
        @Valid @NotNull FamilyCodes fsiii,
        @NotNull Fsiii fsiiiRules,
        @NotBlank String phmrRelease,
        @Valid java.util.List<Questionnaire> questionnaires) {

    public RepositoryProperties {
        questionnaires = questionnaires == null ? java.util.List.of() : java.util.List.copyOf(questionnaires);
    }

    /**
     * One questionnaire of K-PRO's catalogue.
     *
     * @param canonical the questionnaire as responses name it ({@code url|version})
     * @param formId    the id of its QFDD form document: a version 4 UUID (QRD-DK 1.3.2 section 5.9.1)
     * @param questionCodeSystem the OID under which the form document codes its questions (the
     *                  response's linkIds) and answer options
     * @param eventCode its code in PRO-sekretariatet's code system {@code 1.2.208.176.7.3.1}, for the
     *                  registry's eventCodeList (empty when it has none)
     * @param title     its name, for the document title
     */
    public record Questionnaire(@NotBlank String canonical,
                                @NotBlank @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}")
                                String formId,
                                @NotBlank @Pattern(regexp = "[0-2](\\.(0|[1-9]\\d*))+") String questionCodeSystem,
                                String eventCode,
                                @NotBlank String title) {
    }

    /**
     * FSIII choices that are policy, not code.
     *
     * @param deprecateWhenDeceased withdraw a citizen's overview when the gateway reports the citizen dead
     * @param organisationNames     SOR code to display name of the municipal organisations (the
     *                              gateway sends FSIII organisations by SOR code only)
     * @param scope                 what an overview may show: {@code healthcare} (nursing only, the
     *                              default) or {@code care} (home care too; ingest names the legal basis)
     * @param fullValidationEvery   HAPI validates one FSIII document in this many in full (default 100;
     *                              1 = every one); every document gets the structural checks
     */
    public record Fsiii(boolean deprecateWhenDeceased, java.util.Map<String, String> organisationNames,
                        dk.eojxds.model.fsiii.FsiiiScope scope, long fullValidationEvery) {

        public Fsiii {
            fullValidationEvery = fullValidationEvery <= 0 ? 100 : fullValidationEvery;
            organisationNames = organisationNames == null ? java.util.Map.of() : java.util.Map.copyOf(organisationNames);
            scope = scope == null ? dk.eojxds.model.fsiii.FsiiiScope.HEALTHCARE : scope;
        }
    }

    /**
     * The code values one family's documents carry.
     *
     * @param formatCodeScheme the formatCode's coding scheme: MedCom's {@code 1.2.208.184.100.10} unless
     *                         given (a code MedCom has not published must not be put under its scheme)
     */
    public record FamilyCodes(
            @NotBlank String formatCode,
            @NotBlank String formatCodeDisplay,
            @NotBlank String facilityTypeCode,
            @NotBlank String facilityTypeDisplay,
            @NotBlank String practiceSettingCode,
            @NotBlank String practiceSettingDisplay,
            String formatCodeScheme) {

        public FamilyCodes {
            formatCodeScheme = formatCodeScheme == null || formatCodeScheme.isBlank()
                    ? dk.eojxds.model.DkXdsCodes.FORMAT_CODE_SCHEME : formatCodeScheme;
        }
    }
}
