package dk.eojxds.repository.retrieve;

import dk.eojxds.dgws.CallerIdentity;
import dk.eojxds.dgws.DgwsNamespaces;
import dk.eojxds.dgws.DgwsRejection;
import dk.eojxds.edge.BoundedBody;
import dk.eojxds.model.LogSafe;
import dk.eojxds.repository.audit.AuditTrail;
import dk.eojxds.repository.security.DgwsGate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.openehealth.ipf.commons.ihe.xds.core.responses.RetrievedDocumentSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ITI-43 endpoint: reads the SOAP request, admits the caller (DGWS), asks
 * {@link Iti43Service} for the documents and writes the MTOM answer. Everything about the wire
 * format is in {@link Iti43RequestReader} and {@link Iti43ResponseWriter}; nothing here knows
 * about documents.
 */
final class Iti43Servlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(Iti43Servlet.class);
    private static final QName FAILED_AUTHENTICATION = new QName(DgwsNamespaces.WSSE, "FailedAuthentication");

    private final transient Iti43RequestReader reader = new Iti43RequestReader();
    private final transient Iti43ResponseWriter writer = new Iti43ResponseWriter();
    private final transient Iti43Service service;
    private final transient DgwsGate gate;
    private final transient AtnaExport atna;
    private final transient MeterRegistry meters;
    private final transient AuditTrail audit;
    private final long maxRequestBytes;

    Iti43Servlet(Iti43Service service, DgwsGate gate, AtnaExport atna, MeterRegistry meters, AuditTrail audit,
                 long maxRequestBytes) {
        this.service = service;
        this.gate = gate;
        this.atna = atna;
        this.meters = meters;
        this.audit = audit;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doPost(HttpServletRequest http, HttpServletResponse response) throws IOException {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "answered";
        String messageId = null;
        try {
            Iti43Request request = readRefusingAudited(http);
            messageId = request.messageId();
            CallerIdentity caller = admit(request, http);
            RetrievedDocumentSet answer = service.retrieve(request.documents(),
                    new AuditTrail.Retrieval(UUID.randomUUID(), caller, http.getRemoteAddr()));
            writer.write(response, messageId, answer);
            atna.retrieved(http, request, answer);
        } catch (SoapFault fault) {
            outcome = fault.code().getLocalPart();
            if (fault.httpStatus() >= 500 && SoapFault.RECEIVER.equals(fault.code())) {
                log.error("ITI-43 request failed: {}", LogSafe.text(fault.getMessage()), fault);
            } else {
                log.warn("ITI-43 request refused: {}", LogSafe.text(fault.getMessage()));
            }
            writer.fault(response, fault.relatesTo() != null ? fault.relatesTo() : messageId, fault);
        } catch (IOException e) {
            // the caller went away or its body could not be read; nothing left to answer
            outcome = "io-error";
            log.warn("ITI-43 request or answer interrupted: {}", e.toString());
        } catch (RuntimeException e) {
            outcome = "error";
            log.error("ITI-43 request failed", e);
            if (!response.isCommitted()) {
                response.reset();
                writer.fault(response, messageId, new SoapFault(SoapFault.RECEIVER, null,
                        "The repository could not answer the request", List.of()));
            }
        } finally {
            sample.stop(meters.timer("eojxds.repository.iti43", "outcome", outcome));
        }
    }

    /**
     * The request, read here and not in a filter so that no spelling of the path (";x=1", "//",
     * "%73ervices", "/./") reaches a full read: at most {@code maxRequestBytes} are read, whatever
     * Content-Length says. What cannot be read is refused and audited like a refused card.
     */
    private Iti43Request readRefusingAudited(HttpServletRequest http) throws IOException {
        try {
            byte[] body;
            try {
                body = BoundedBody.read(http, maxRequestBytes);
            } catch (BoundedBody.TooLarge e) {
                throw SoapFault.tooLarge(maxRequestBytes);
            }
            return reader.read(http.getContentType(), body);
        } catch (SoapFault fault) {
            audit.refused(LogSafe.text(fault.getMessage()), http.getRemoteAddr());
            throw fault;
        }
    }

    private CallerIdentity admit(Iti43Request request, HttpServletRequest http) {
        try {
            return gate.admit(request.security(), request.medcomHeader(), request.hsuidHeader(), http.getRemoteAddr());
        } catch (DgwsRejection e) {
            throw SoapFault.dgws(FAILED_AUTHENTICATION, "DGWS: " + e.getMessage(), e.faultCode().name());
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "ITI-43 is a SOAP 1.2 POST");
    }
}
