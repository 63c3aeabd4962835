package dk.eojxds.ingest.validation.kpro;

import dk.eojxds.ingest.validation.support.LogicalReferences;
import dk.eojxds.ingest.validation.support.Timing;
import dk.eojxds.model.Cpr;
import dk.eojxds.model.SorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** Plausibility rules for a K-PRO questionnaire response; each violation names its rule. */
final class KproResponseRules {


    private KproResponseRules() {
    }

    static List<String> violations(QuestionnaireResponse response) {
        List<String> reasons = new ArrayList<>();
        if (!response.getMeta().hasLastUpdated()) {
            reasons.add("meta-lastUpdated: meta.lastUpdated is required");
        }
        if (!response.hasQuestionnaire()) {
            reasons.add("questionnaire-reference: questionnaire (canonical of the K-PRO schema) is required");
        }
        QuestionnaireResponse.QuestionnaireResponseStatus status = response.getStatus();
        if (status != QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
                && status != QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED
                && status != QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
            reasons.add("response-status: status must be completed, amended or entered-in-error, was "
                    + (status == null ? "missing" : status.toCode()));
        }
        if (citizen(response).isEmpty()) {
            reasons.add("subject-cpr: subject.identifier must be a valid CPR number with system " + Cpr.SYSTEM);
        }
        if (!response.hasAuthored()) {
            reasons.add("authored: authored (when the answers were given) is required");
        } else {
            reasons.addAll(Timing.violations("authored", response.getAuthoredElement()));
        }
        if (organisationSor(response).isEmpty()) {
            reasons.add("author-sor: author must identify the municipal organisation by SOR code (" + SorCode.SYSTEM
                    + ") with a display name");
        }
        if (status != QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
            reasons.addAll(itemViolations(response.getItem()));
        }
        return reasons;
    }

    private static List<String> itemViolations(List<QuestionnaireResponseItemComponent> items) {
        List<String> reasons = new ArrayList<>();
        if (countAnswers(items) == 0) {
            reasons.add("answers-present: a completed response must answer at least one question");
        }
        checkItems(items, reasons);
        return reasons;
    }

    private static void checkItems(List<QuestionnaireResponseItemComponent> items, List<String> reasons) {
        for (QuestionnaireResponseItemComponent item : items) {
            if (!item.hasLinkId()) {
                reasons.add("item-linkid: every item needs the linkId of its question");
            }
            for (QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                if (!answer.hasValue()) {
                    reasons.add("answer-value: the answer to '" + item.getLinkId() + "' has no value");
                }
                checkItems(answer.getItem(), reasons);
            }
            checkItems(item.getItem(), reasons);
        }
    }

    private static int countAnswers(List<QuestionnaireResponseItemComponent> items) {
        int answers = 0;
        for (QuestionnaireResponseItemComponent item : items) {
            answers += item.getAnswer().size() + countAnswers(item.getItem());
        }
        return answers;
    }

    static Optional<Cpr> citizen(QuestionnaireResponse response) {
        return LogicalReferences.citizen(response.getSubject());
    }

    static Optional<SorCode> organisationSor(QuestionnaireResponse response) {
        return LogicalReferences.organisation(response.getAuthor());
    }
}
