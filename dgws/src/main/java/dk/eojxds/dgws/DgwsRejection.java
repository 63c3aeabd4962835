package dk.eojxds.dgws;

/** A request that does not carry an acceptable DGWS header; the message says why (for the audit). */
public class DgwsRejection extends RuntimeException {

    public DgwsRejection(String reason) {
        super(reason);
    }
}
