package dk.eojxds.repository.retrieve;

import dk.eojxds.dgws.DgwsNamespaces;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocument;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;

/**
 * Writes the ITI-43 answer as MTOM/XOP (ITI TF-2b 3.43.4.2): a multipart/related message whose
 * root part is the SOAP 1.2 envelope with the WS-Addressing response headers and the
 * RetrieveDocumentSetResponse, each document an attachment referenced by xop:Include. An answer
 * whose documents are all small is assembled in memory and written in one go (one write, a
 * Content-Length); a larger one is streamed, each document read in slices as it is written.
 * Faults are plain SOAP 1.2 envelopes.
 */
final class Iti43ResponseWriter {

    static final String RESPONSE_ACTION = "urn:ihe:iti:2007:RetrieveDocumentSetResponse";
    static final String FAULT_ACTION = "http://www.w3.org/2005/08/addressing/soap/fault";
    private static final String WSA = Iti43RequestReader.WSA;
    private static final String SOAP = Iti43RequestReader.SOAP12;
    private static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
    private static final byte[] CRLF = {'\r', '\n'};

    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    void write(HttpServletResponse response, String relatesTo, RetrievedDocumentSet answer) throws IOException {
        String id = randomId();
        String boundary = "MIMEBoundary_" + id;
        String root = "root." + id + "@eojxds";
        List<String> contentIds = new ArrayList<>();
        for (int i = 0; i < answer.getDocuments().size(); i++) {
            contentIds.add("doc" + i + "." + id + "@eojxds");
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream(2048);
        ascii(message, "--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; "
                + "type=\"application/soap+xml\"; action=\"" + RESPONSE_ACTION + "\"\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <" + root + ">\r\n\r\n");
        envelope(message, relatesTo, answer, contentIds);
        response.setStatus(200);
        response.setContentType("multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary
                + "\"; start=\"<" + root + ">\"; start-info=\"application/soap+xml\"; action=\"" + RESPONSE_ACTION + "\"");
        boolean small = answer.getDocuments().stream().allMatch(Iti43ResponseWriter::inMemory);
        OutputStream out = small ? message : response.getOutputStream();
        if (!small) {
            message.writeTo(out);
        }
        for (int i = 0; i < answer.getDocuments().size(); i++) {
            RetrievedDocument document = answer.getDocuments().get(i);
            ascii(out, "\r\n--" + boundary + "\r\nContent-Type: " + document.getMimeType()
                    + "\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <" + contentIds.get(i) + ">\r\n\r\n");
            try (InputStream content = document.getDataHandler().getInputStream()) {
                content.transferTo(out);
            }
        }
        ascii(out, "\r\n--" + boundary + "--\r\n");
        if (small) {
            response.setContentLength(message.size());
            message.writeTo(response.getOutputStream());
        }
    }

    void fault(HttpServletResponse response, String relatesTo, SoapFault fault) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        soapEnvelope(body, "env", FAULT_ACTION, relatesTo, w -> {
            for (QName name : fault.notUnderstood()) {
                w.writeStartElement(SOAP, "NotUnderstood");
                w.writeNamespace("nu", name.getNamespaceURI());
                w.writeAttribute("qname", "nu:" + name.getLocalPart());
                w.writeEndElement();
            }
        }, w -> {
            w.writeStartElement(SOAP, "Fault");
            w.writeStartElement(SOAP, "Code");
            element(w, SOAP, "Value", "env:" + fault.code().getLocalPart());
            if (fault.subcode() != null) {
                w.writeStartElement(SOAP, "Subcode");
                w.writeStartElement(SOAP, "Value");
                w.writeNamespace("sub", fault.subcode().getNamespaceURI());
                w.writeCharacters("sub:" + fault.subcode().getLocalPart());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement(SOAP, "Reason");
            w.writeStartElement(SOAP, "Text");
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
            w.writeCharacters(fault.getMessage());
            w.writeEndElement();
            w.writeEndElement();
            if (fault.dgwsFaultCode() != null) {
                w.writeStartElement(SOAP, "Detail");
                w.writeStartElement("medcom", "FaultCode", DgwsNamespaces.MEDCOM);
                w.writeNamespace("medcom", DgwsNamespaces.MEDCOM);
                w.writeCharacters(fault.dgwsFaultCode());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
        response.setStatus(fault.httpStatus());
        response.setContentType("application/soap+xml; charset=UTF-8; action=\"" + FAULT_ACTION + "\"");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    private void envelope(OutputStream out, String relatesTo, RetrievedDocumentSet answer, List<String> contentIds)
            throws IOException {
        soapEnvelope(out, "soap", RESPONSE_ACTION, relatesTo, w -> { }, w -> {
            w.writeStartElement("xdsb", "RetrieveDocumentSetResponse", Iti43RequestReader.XDSB);
            w.writeNamespace("xdsb", Iti43RequestReader.XDSB);
            w.writeNamespace("rs", RIM);
            w.writeStartElement(RIM, "RegistryResponse");
            w.writeAttribute("status", answer.getStatus().getOpcode30());
            if (!answer.getErrors().isEmpty()) {
                errors(w, answer.getErrors());
            }
            w.writeEndElement();
            for (int i = 0; i < answer.getDocuments().size(); i++) {
                document(w, answer.getDocuments().get(i), contentIds.get(i));
            }
            w.writeEndElement();
        });
    }

    /** Part of an envelope, written by the caller. */
    private interface XmlPart {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    // a SOAP 1.2 envelope with the WS-Addressing answer headers, more headers, and a body
    private void soapEnvelope(OutputStream out, String prefix, String action, String relatesTo, XmlPart headers,
                              XmlPart body) throws IOException {
        try {
            XMLStreamWriter w = xml.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(prefix, "Envelope", SOAP);
            w.writeNamespace(prefix, SOAP);
            w.writeNamespace("wsa", WSA);
            w.writeStartElement(SOAP, "Header");
            w.writeStartElement(WSA, "Action");
            w.writeAttribute(prefix, SOAP, "mustUnderstand", "true");
            w.writeCharacters(action);
            w.writeEndElement();
            element(w, WSA, "MessageID", "urn:uuid:" + randomUuid());
            if (relatesTo != null) {
                element(w, WSA, "RelatesTo", relatesTo);
            }
            headers.write(w);
            w.writeEndElement();
            w.writeStartElement(SOAP, "Body");
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void errors(XMLStreamWriter w, List<ErrorInfo> errors) throws XMLStreamException {
        w.writeStartElement(RIM, "RegistryErrorList");
        boolean anError = errors.stream().anyMatch(e -> e.getSeverity() != Severity.WARNING);
        w.writeAttribute("highestSeverity", (anError ? Severity.ERROR : Severity.WARNING).getOpcode30());
        for (ErrorInfo error : errors) {
            w.writeStartElement(RIM, "RegistryError");
            w.writeAttribute("errorCode", error.getErrorCode() != null && error.getErrorCode() != ErrorCode._USER_DEFINED
                    ? error.getErrorCode().getOpcode() : error.getCustomErrorCode());
            w.writeAttribute("codeContext", error.getCodeContext() == null ? "" : error.getCodeContext());
            w.writeAttribute("severity", (error.getSeverity() == null ? Severity.ERROR : error.getSeverity()).getOpcode30());
            if (error.getLocation() != null) {
                w.writeAttribute("location", error.getLocation());
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void document(XMLStreamWriter w, RetrievedDocument document, String contentId)
            throws XMLStreamException {
        w.writeStartElement(Iti43RequestReader.XDSB, "DocumentResponse");
        var reference = document.getRequestData();
        if (reference.getHomeCommunityId() != null) {
            element(w, Iti43RequestReader.XDSB, "HomeCommunityId", reference.getHomeCommunityId());
        }
        element(w, Iti43RequestReader.XDSB, "RepositoryUniqueId", reference.getRepositoryUniqueId());
        element(w, Iti43RequestReader.XDSB, "DocumentUniqueId", reference.getDocumentUniqueId());
        element(w, Iti43RequestReader.XDSB, "mimeType", document.getMimeType());
        w.writeStartElement(Iti43RequestReader.XDSB, "Document");
        w.writeStartElement("xop", "Include", Iti43RequestReader.XOP);
        w.writeNamespace("xop", Iti43RequestReader.XOP);
        w.writeAttribute("href", "cid:" + contentId);
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String namespace, String name, String text) throws XMLStreamException {
        w.writeStartElement(namespace, name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }

    private static boolean inMemory(RetrievedDocument document) {
        return document.getDataHandler().getDataSource() instanceof StoredDocuments.RetrievableDocument stored
                && stored.smallContent() != null;
    }

    private static void ascii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    // message ids and MIME boundaries must be unique, not secret: no need to draw on SecureRandom
    private static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (1L << 63));
    }

    private static String randomId() {
        return randomUuid().toString();
    }
}
