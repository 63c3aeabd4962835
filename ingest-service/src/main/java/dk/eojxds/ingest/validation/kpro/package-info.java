/** K-PRO questionnaire answers (FHIR QuestionnaireResponse): rules and the family's reader. Internal to validation. */
package dk.eojxds.ingest.validation.kpro;
