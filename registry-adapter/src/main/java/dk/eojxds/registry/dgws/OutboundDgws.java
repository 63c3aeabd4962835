package dk.eojxds.registry.dgws;

import dk.eojxds.dgws.SystemIdCards;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.headers.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * The DGWS headers every call to the registry carries: this system's ID card from the STS
 * ({@link SystemIdCards}: cached, renewed before expiry) and a medcom:Header. The service refuses
 * to start without the STS and the organisation's certificate unless outbound DGWS is switched
 * off explicitly for local development.
 */
@Component
public class OutboundDgws {

    private static final Logger log = LoggerFactory.getLogger(OutboundDgws.class);

    private final SystemIdCards cards;

    OutboundDgws(OutboundDgwsProperties properties) {
        if (!properties.enabled()) {
            if (!properties.insecureLocalDevelopment()) {
                throw new IllegalStateException("eojxds.registry.dgws.enabled=false sends registrations without an ID "
                        + "card; allowed only with eojxds.registry.dgws.insecure-local-development=true");
            }
            log.warn("OUTBOUND DGWS IS OFF: registrations go to the registry without an ID card (local development only)");
            this.cards = null;
            return;
        }
        require(properties.stsUrl(), "sts-url");
        require(properties.certificate(), "certificate");
        require(properties.privateKey(), "private-key");
        require(properties.cvr(), "cvr");
        this.cards = SystemIdCards.fromOrganisationCertificate(properties.stsUrl(), properties.certificate(),
                properties.privateKey(), properties.itSystem(), properties.cvr(), properties.organisationName(),
                properties.renewBefore(), properties.timeout());
        log.info("Registry calls carry a system ID card for {} (CVR {}) from {}", properties.itSystem(), properties.cvr(),
                properties.stsUrl());
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("outbound DGWS needs eojxds.registry.dgws." + name);
        }
    }

    /** The SOAP headers for one call (none when outbound DGWS is off). */
    public List<Header> headers() {
        if (cards == null) {
            return List.of();
        }
        return cards.soapHeaders().stream()
                .map(e -> new Header(new QName(e.getNamespaceURI(), e.getLocalName()), (Element) e)).toList();
    }
}
