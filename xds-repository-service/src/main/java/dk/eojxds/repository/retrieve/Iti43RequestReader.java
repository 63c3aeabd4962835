package dk.eojxds.repository.retrieve;

import static dk.eojxds.dgws.XmlElements.child;

import dk.eojxds.dgws.DgwsNamespaces;
import dk.eojxds.dgws.XmlElements;
import dk.eojxds.repository.security.DgwsGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.namespace.QName;
import org.openehealth.ipf.commons.ihe.xds.core.requests.DocumentReference;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RetrieveDocumentSet;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads an ITI-43 request (IHE ITI TF-2b 3.43.4.1, ITI TF-2x V.3): a SOAP 1.2 envelope, sent as
 * is or as the root part of an MTOM/XOP package, with the WS-Addressing Action
 * {@code urn:ihe:iti:2007:RetrieveDocumentSet}, a synchronous (anonymous) reply, and a
 * RetrieveDocumentSetRequest body. Headers marked mustUnderstand that are not understood, other
 * actions and other SOAP versions are answered with the SOAP faults the standards name. The XML
 * parser ({@link StaxDom}) refuses DTDs (so no entity is ever expanded or fetched) and caps
 * depth and attributes.
 */
final class Iti43RequestReader {

    static final String SOAP12 = SoapFault.SOAP12;
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String XDSB = "urn:ihe:iti:xds-b:2007";
    static final String ACTION = "urn:ihe:iti:2007:RetrieveDocumentSet";
    static final String XOP = "http://www.w3.org/2004/08/xop/include";
    private static final Set<String> ANONYMOUS = Set.of(WSA + "/anonymous", WSA + "/none");
    private static final Set<String> UNDERSTOOD_NAMESPACES = Set.of(WSA, DgwsNamespaces.WSSE, DgwsNamespaces.MEDCOM, DgwsNamespaces.HSUID);

    private final StaxDom parser = new StaxDom();

    Iti43Request read(String contentType, byte[] body) {
        Element envelope = parser.parse(envelopeBytes(contentType, body));
        if (!"Envelope".equals(envelope.getLocalName()) || !SOAP12.equals(envelope.getNamespaceURI())) {
            throw new SoapFault(SoapFault.VERSION_MISMATCH, null, SOAP11.equals(envelope.getNamespaceURI())
                    ? "ITI-43 is SOAP 1.2 only" : "not a SOAP 1.2 envelope", List.of());
        }
        Element header = child(envelope, SOAP12, "Header");
        String messageId = text(child(header, WSA, "MessageID"));
        try {
            return read(envelope, header, messageId);
        } catch (SoapFault fault) {
            throw fault.relatingTo(messageId);
        }
    }

    private Iti43Request read(Element envelope, Element header, String messageId) {
        Element body12 = child(envelope, SOAP12, "Body");
        if (body12 == null) {
            throw SoapFault.sender(null, "the envelope has no Body");
        }
        checkMustUnderstand(header);
        String action = text(child(header, WSA, "Action"));
        if (action == null) {
            throw SoapFault.sender(new QName(WSA, "MessageAddressingHeaderRequired"), "wsa:Action is required");
        }
        if (!ACTION.equals(action)) {
            throw SoapFault.sender(new QName(WSA, "ActionNotSupported"), "this endpoint answers " + ACTION
                    + " only, not " + action);
        }
        String replyTo = text(child(child(header, WSA, "ReplyTo"), WSA, "Address"));
        if (replyTo != null && !ANONYMOUS.contains(replyTo)) {
            throw SoapFault.sender(new QName(WSA, "OnlyAnonymousAddressSupported"),
                    "asynchronous replies are not supported: wsa:ReplyTo must be anonymous");
        }
        return new Iti43Request(messageId, replyTo,
                single(header, DgwsNamespaces.WSSE, "Security"), single(header, DgwsNamespaces.MEDCOM, "Header"),
                single(header, DgwsNamespaces.HSUID, "HsuidHeader"), documents(body12));
    }

    // a security header block twice would leave open which one was checked and which one is read
    private static Element single(Element header, String namespace, String localName) {
        List<Element> found = XmlElements.children(header, namespace, localName);
        if (found.size() > 1) {
            throw SoapFault.sender(null, "the header block " + localName + " occurs more than once");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static byte[] envelopeBytes(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/related")) {
            return MultipartRelated.rootPart(contentType, body);
        }
        if (type.startsWith("text/xml")) {
            throw new SoapFault(SoapFault.VERSION_MISMATCH, null, "ITI-43 is SOAP 1.2 only (application/soap+xml)",
                    List.of());
        }
        if (!type.startsWith("application/soap+xml")) {
            throw SoapFault.sender(null, "unsupported Content-Type " + contentType);
        }
        return body;
    }

    // SOAP 1.2 part 1, 5.2.3: a header block for us marked mustUnderstand must be understood
    private static void checkMustUnderstand(Element header) {
        if (header == null) {
            return;
        }
        List<QName> notUnderstood = new ArrayList<>();
        for (Node node = header.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element block && isTrue(block.getAttributeNS(SOAP12, "mustUnderstand"))
                    && targetsUs(block.getAttributeNS(SOAP12, "role"))
                    && !UNDERSTOOD_NAMESPACES.contains(block.getNamespaceURI())) {
                notUnderstood.add(new QName(block.getNamespaceURI(), block.getLocalName()));
            }
        }
        if (!notUnderstood.isEmpty()) {
            throw new SoapFault(SoapFault.MUST_UNDERSTAND, null, "header blocks not understood: " + notUnderstood,
                    notUnderstood);
        }
    }

    private static boolean isTrue(String value) {
        return "true".equals(value) || "1".equals(value);
    }

    private static boolean targetsUs(String role) {
        return role.isEmpty() || role.equals(SOAP12 + "/role/ultimateReceiver") || role.equals(SOAP12 + "/role/next");
    }

    private static RetrieveDocumentSet documents(Element body) {
        Element request = firstElement(body);
        if (request == null || !XDSB.equals(request.getNamespaceURI())
                || !"RetrieveDocumentSetRequest".equals(request.getLocalName())) {
            throw SoapFault.sender(null, "the body must be an xdsb:RetrieveDocumentSetRequest");
        }
        if (request.getElementsByTagNameNS(XOP, "Include").getLength() > 0) {
            throw SoapFault.sender(null, "a retrieve request carries no attachments (xop:Include)");
        }
        RetrieveDocumentSet documents = new RetrieveDocumentSet();
        for (Node node = request.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && XDSB.equals(element.getNamespaceURI())
                    && "DocumentRequest".equals(element.getLocalName())) {
                documents.getDocuments().add(new DocumentReference(text(child(element, XDSB, "RepositoryUniqueId")),
                        text(child(element, XDSB, "DocumentUniqueId")), text(child(element, XDSB, "HomeCommunityId"))));
            }
        }
        return documents;
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }
}
