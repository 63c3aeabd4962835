package dk.eojxds.repository.conformance;

/** A statement a document breaks, where. */
public record Violation(String ruleId, String statement, String where) {

    @Override
    public String toString() {
        return ruleId + " (" + statement + ") at " + where;
    }
}
