package dk.eojxds.model.fsiii;

import java.util.Set;

/**
 * The FSIII value sets the KL Gateway profiles bind (KL's kl-term, {@code http://fhir.kl.dk/term/ValueSet/…}),
 * defined the way KL defines them: the codes below one or more groups ({@code descendent-of}, the group
 * itself excluded) or an explicit list of codes. Every group is named in both spellings, the old
 * (J1, G1) and the new (UUID), because KL's value sets include both and municipalities send both.
 */
public enum FsiiiValueSet {

    /** KLConditionCodesNursing: nursing conditions, the codes below the twelve nursing areas I1–I12. */
    NURSING_CONDITIONS("KLConditionCodesNursing", Set.of(
            "I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8", "I9", "I10", "I11", "I12",
            "fa6aa904-d06e-4029-b4c4-13ead04ace27", "55670b1e-7a36-46b2-8712-b7536237f22d",
            "25dcedb3-7149-4ef9-a2c3-be30267441fb", "1bb534f3-e526-41a9-b9c3-6157ea19c915",
            "3f00a76f-8e7b-4b13-80cc-f2ceef4e51d1", "5bfe4bda-2358-41da-946e-1fdaa33d5fe8",
            "01150cdb-6098-48ce-bb61-60967f6bcc37", "cc377732-7f14-49b7-8940-1aa07b8884e7",
            "94e9c867-fbc8-4d35-8596-e6b8765b12e8", "8c539fd9-7f31-4b4e-8b30-8298c8ab640f",
            "9162d29a-1c7f-4585-8145-8fb4f1a999e3", "045fa500-35b0-46b7-97dd-adb60888a8ea"), Set.of()),

    /** KLConditionCodesHomeCare: home-care (functional) conditions, the codes below J1–J5. */
    HOME_CARE_CONDITIONS("KLConditionCodesHomeCare", Set.of(
            "J1", "J2", "J3", "J4", "J5",
            "43c2b7f0-5e55-4627-8fcf-bdaf5a9d84ac", "1c850a09-aa49-4fae-9354-f932f13e030b",
            "462f9352-0129-4d8e-8c75-a6dfed78ddcf", "4571f168-a92a-4caf-8dc8-35f45c2a1cb4",
            "86b53158-6d05-412e-ad55-2e1fa26359b3"), Set.of()),

    /** KLSeveritiesFSIII: the functional levels B1–B6 (home care only). */
    SEVERITIES("KLSeveritiesFSIII", Set.of("B", "2c02a704-deee-4878-9378-1167613b3da6"), Set.of()),

    /** KLNursingInterventionsFSIII: nursing interventions under the health act, below G1 (SUL § 138) and G2. */
    NURSING_INTERVENTIONS("KLNursingInterventionsFSIII", Set.of("G1", "G2",
            "993d8f7b-fbed-4a78-90d9-6efbfa835114", "ff47f955-3179-446f-b211-dc29de9456e3"), Set.of()),

    /**
     * Home-care interventions under the social services act: everything below the catalogue's root
     * (H, b07bbb6d-…) that is not one of its groups. Wider than KL's KLHomeCareInterventionsFSIII,
     * whose groups change between releases: what matters here is that no such code passes as nursing.
     */
    HOME_CARE_INTERVENTIONS("KLHomeCareInterventionsFSIII", Set.of("H", "b07bbb6d-16b2-4cee-b5a5-771ca5beb67c"),
            Set.of()),

    /** KLNursingAreasFSIII: the twelve nursing areas themselves (matters of interest). */
    NURSING_AREAS("KLNursingAreasFSIII", Set.of(), NURSING_CONDITIONS.groups),

    /** KLHomeCareAreasFSIII: the five home-care areas themselves (matters of interest). */
    HOME_CARE_AREAS("KLHomeCareAreasFSIII", Set.of(), HOME_CARE_CONDITIONS.groups),

    /** KLFollowUpCodesFSIII: results of a follow-up, E1–E4. */
    FOLLOW_UP_RESULTS("KLFollowUpCodesFSIII", Set.of("E", "ad78224f-b339-462c-9f2c-90b3120605cb"), Set.of()),

    /** KLGatewayCareMatterOfInterestValues: "B6 Ikke relevant", the only value a matter of interest may carry. */
    MATTER_OF_INTEREST_VALUES("KLMatterOfInterestValues", Set.of(), Set.of("B6", "d7ff926a-4955-478f-b300-0b0ec0785013")),

    /** KLCitizenObservationCodesFSIII: what the citizen's own observation is about, C (performance) and D (importance). */
    CITIZEN_OBSERVATION_CODES("KLCitizenObservationCodesFSIII", Set.of(), Set.of("C", "D",
            "d6d48a71-b96f-4b88-86f9-b13bd3c03560", "687159ad-a61c-47c0-a878-53aa54bae2d5")),

    /**
     * The goal types: the care profiles' FSIIICareGoalTypes (the group "the condition disappears,
     * decreases or stays" itself) and KL's KLChangeValueCodesFSIII (the codes below it).
     */
    GOAL_TYPES("KLChangeValueCodesFSIII", Set.of("e182c5dc-9f91-474a-92e8-f62be3d498f4"),
            Set.of("e182c5dc-9f91-474a-92e8-f62be3d498f4"));

    private static final String BASE = "http://fhir.kl.dk/term/ValueSet/";

    private final String name;
    private final Set<String> groups;
    private final Set<String> codes;

    FsiiiValueSet(String name, Set<String> groups, Set<String> codes) {
        this.name = name;
        this.groups = groups;
        this.codes = codes;
    }

    /** The value set's canonical URL, as the profiles bind it. */
    public String url() {
        return BASE + name;
    }

    public boolean contains(FsiiiTerminology terminology, String code) {
        if (code == null || !terminology.knows(code)) {
            return false;
        }
        if (codes.contains(code)) {
            return true;
        }
        for (String group : groups) {
            if (terminology.isDescendantOf(code, group) && !isGroupOfRoot(terminology, code, group)) {
                return true;
            }
        }
        return false;
    }

    // For the catalogue-wide sets (a root, not a group), the root's direct children are groups, not codes.
    private boolean isGroupOfRoot(FsiiiTerminology terminology, String code, String group) {
        return this == HOME_CARE_INTERVENTIONS && terminology.parent(code).filter(group::equals).isPresent();
    }
}
