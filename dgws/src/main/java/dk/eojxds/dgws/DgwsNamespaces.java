package dk.eojxds.dgws;

/**
 * The XML namespaces of DGWS 1.0.1 messages, in one place for everything that reads or writes
 * them (the card verifier, the STS client, ITI-43's request reader and faults, the CPR lookup's
 * headers). The test STS and the NSP contract checks in test-support keep their own copies on
 * purpose: a test that read these could not notice one of them being wrong.
 */
public final class DgwsNamespaces {

    /** SAML 2.0 assertions: the ID card. */
    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    /** WS-Security 1.0: the Security header that carries the card. */
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    /** WS-Security utility: wsu:Id and the Timestamp. */
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    /** MedCom's DGWS 1.0 header and the card's medcom: attributes. */
    public static final String MEDCOM = "http://www.medcom.dk/dgws/2006/04/dgws-1.0.xsd";
    /** The HSUID header DDS adds for the end user it acts for. */
    public static final String HSUID = "http://www.nsi.dk/hsuid/2016/08/hsuid-1.1.xsd";

    private DgwsNamespaces() {
    }
}
