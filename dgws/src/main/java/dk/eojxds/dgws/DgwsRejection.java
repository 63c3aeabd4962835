package dk.eojxds.dgws;

/**
 * A request that does not carry an acceptable DGWS header: the message says why (for the audit
 * and the fault string), the DGWS fault code says which kind of refusal it is (for the fault's
 * detail).
 */
public class DgwsRejection extends RuntimeException {

    private final DgwsFaultCode faultCode;

    public DgwsRejection(String reason) {
        this(DgwsFaultCode.invalid_idcard, reason);
    }

    public DgwsRejection(DgwsFaultCode faultCode, String reason) {
        super(reason);
        this.faultCode = faultCode;
    }

    public DgwsFaultCode faultCode() {
        return faultCode;
    }
}
