package dk.eojxds.repository.security;

import dk.eojxds.repository.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * The CXF edge of DGWS: reads the SOAP headers of an ITI-43 request, verifies the ID card, and
 * either hands the caller's identity on (as a request attribute, for the audit) or refuses the
 * request with a SOAP fault, recorded in the audit trail. In mode {@code none} every request
 * passes as unverified.
 */
@Component("dgwsInterceptor")
public class DgwsInterceptor extends AbstractSoapInterceptor {

    private static final Logger log = LoggerFactory.getLogger(DgwsInterceptor.class);
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String HSUID = "http://www.nsi.dk/hsuid/2016/08/hsuid-1.1.xsd";

    private final SecurityProperties properties;
    private final DgwsVerifier verifier;
    private final AuditTrail audit;

    public DgwsInterceptor(SecurityProperties properties, AuditTrail audit) {
        super(Phase.PRE_PROTOCOL);
        this.properties = properties;
        this.audit = audit;
        if (properties.mode() == SecurityProperties.Mode.DGWS) {
            if (properties.trustedCertificates() == null || properties.trustedCertificates().isBlank()) {
                throw new IllegalStateException("eojxds.security.mode=dgws needs eojxds.security.trusted-certificates");
            }
            this.verifier = new DgwsVerifier(TrustedIssuers.fromPem(java.nio.file.Path.of(properties.trustedCertificates())),
                    properties.clockSkew(), properties.minimumLevel(), Clock.systemUTC());
            log.info("ITI-43 requires DGWS ID cards (level {} or higher)", properties.minimumLevel());
        } else {
            this.verifier = null;
            log.warn("SECURITY IS OFF: eojxds.security.mode=none lets anyone retrieve documents over ITI-43. "
                    + "Use this for local development only; production needs mode=dgws.");
        }
    }

    @Override
    public void handleMessage(SoapMessage message) {
        HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (verifier == null) {
            setCaller(request, CallerIdentity.unverified());
            return;
        }
        Element security = header(message, new QName(WSSE, "Security"));
        Element medcom = header(message, new QName(DgwsVerifier.MEDCOM, "Header"));
        Map<String, String> hsuid = hsuid(header(message, new QName(HSUID, "HsuidHeader")));
        try {
            setCaller(request, verifier.verify(security, medcom, hsuid));
        } catch (DgwsRejection e) {
            log.warn("Refused an ITI-43 request: {}", e.getMessage());
            audit.refused(e.getMessage(), request == null ? null : request.getRemoteAddr());
            SoapFault fault = new SoapFault("DGWS: " + e.getMessage(), new QName(WSSE, "FailedAuthentication"));
            throw fault;
        }
    }

    private static void setCaller(HttpServletRequest request, CallerIdentity caller) {
        if (request != null) {
            request.setAttribute(CallerIdentity.REQUEST_ATTRIBUTE, caller);
        }
    }

    private static Element header(SoapMessage message, QName name) {
        Header header = message.getHeader(name);
        return header != null && header.getObject() instanceof Element element ? element : null;
    }

    // The end user DDS acts for: its type and organisation, when the HSUID header is present.
    private static Map<String, String> hsuid(Element header) {
        Map<String, String> values = new HashMap<>();
        if (header == null) {
            return values;
        }
        var attributes = header.getElementsByTagNameNS("*", "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            String name = attribute.getAttribute("Name");
            String value = attribute.getTextContent().trim();
            if (name.endsWith("UserType")) {
                values.put("userType", value);
            } else if (name.endsWith("ActingUserOrganisationIdentifier") || name.endsWith("OrganisationIdentifier")) {
                values.putIfAbsent("organisation", value);
            }
        }
        return values;
    }
}
