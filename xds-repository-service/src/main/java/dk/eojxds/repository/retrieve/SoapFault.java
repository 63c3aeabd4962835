package dk.eojxds.repository.retrieve;

import java.util.List;
import javax.xml.namespace.QName;

/**
 * A SOAP 1.2 fault to answer instead of a response: its code (env:Sender for the caller's
 * mistakes, env:Receiver for ours, env:MustUnderstand, env:VersionMismatch), an optional subcode
 * such as {@code wsa:ActionNotSupported}, the reason, the headers not understood, and for a refused
 * ID card the DGWS fault code (sent as {@code medcom:FaultCode} in the fault's Detail, as DGWS
 * services answer).
 */
final class SoapFault extends RuntimeException {

    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final QName SENDER = new QName(SOAP12, "Sender");
    static final QName RECEIVER = new QName(SOAP12, "Receiver");
    static final QName MUST_UNDERSTAND = new QName(SOAP12, "MustUnderstand");
    static final QName VERSION_MISMATCH = new QName(SOAP12, "VersionMismatch");

    private final QName code;
    private final QName subcode;
    private final List<QName> notUnderstood;
    private final String relatesTo;
    private final int httpStatus;
    private final String dgwsFaultCode;

    SoapFault(QName code, QName subcode, String reason, List<QName> notUnderstood) {
        this(code, subcode, reason, notUnderstood, null, SENDER.equals(code) ? 400 : 500, null);
    }

    private SoapFault(QName code, QName subcode, String reason, List<QName> notUnderstood, String relatesTo,
                      int httpStatus, String dgwsFaultCode) {
        super(reason);
        this.code = code;
        this.subcode = subcode;
        this.notUnderstood = List.copyOf(notUnderstood);
        this.relatesTo = relatesTo;
        this.httpStatus = httpStatus;
        this.dgwsFaultCode = dgwsFaultCode;
    }

    /** The same fault, answering the request with this WS-Addressing MessageID. */
    SoapFault relatingTo(String messageId) {
        return new SoapFault(code, subcode, getMessage(), notUnderstood, messageId, httpStatus, dgwsFaultCode);
    }

    /** A request body over the limit: a Sender fault, with HTTP 413 (RFC 9110, 15.5.14). */
    static SoapFault tooLarge(long limit) {
        return new SoapFault(SENDER, null, "the request is larger than " + limit + " bytes", List.of(), null, 413,
                null);
    }

    /** A refused ID card: a Sender fault with this subcode, and the DGWS fault code in its Detail. */
    static SoapFault dgws(QName subcode, String reason, String dgwsFaultCode) {
        return new SoapFault(SENDER, subcode, reason, List.of(), null, 400, dgwsFaultCode);
    }

    /** The DGWS fault code ({@code medcom:FaultCode}) of a refused ID card, else null. */
    String dgwsFaultCode() {
        return dgwsFaultCode;
    }

    /** The MessageID of the request the fault answers, when it could be read. */
    String relatesTo() {
        return relatesTo;
    }

    static SoapFault sender(QName subcode, String reason) {
        return new SoapFault(SENDER, subcode, reason, List.of());
    }

    QName code() {
        return code;
    }

    QName subcode() {
        return subcode;
    }

    List<QName> notUnderstood() {
        return notUnderstood;
    }

    /** SOAP 1.2 part 2, 7.5.2: the caller's faults are 400 (413 for an oversized body), all others 500. */
    int httpStatus() {
        return httpStatus;
    }
}
