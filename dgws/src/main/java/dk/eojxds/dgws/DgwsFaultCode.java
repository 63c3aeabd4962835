package dk.eojxds.dgws;

/**
 * The fault codes of Den Gode Webservice 1.0 (§ "Fejlhåndtering"), sent as
 * {@code <medcom:FaultCode>} in the SOAP fault's detail so that a DGWS client (DDS, Seal-based
 * systems) can tell why it was refused. All of them are the client's fault.
 */
public enum DgwsFaultCode {
    syntax_error,
    missing_required_header,
    security_level_failed,
    invalid_signature,
    invalid_idcard,
    invalid_certificate,
    expired_idcard,
    not_authorized
}
