package dk.eojxds.registry.dgws;

import dk.eojxds.dgws.SystemIdCards;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.headers.Header;
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

    private final SystemIdCards cards;

    OutboundDgws(OutboundDgwsProperties properties) {
        this.cards = SystemIdCards.forOutboundCalls("eojxds.registry.dgws",
                "sends registrations without an ID card", properties.enabled(), properties.insecureLocalDevelopment(),
                properties.stsUrl(), properties.certificate(), properties.privateKey(), properties.itSystem(),
                properties.cvr(), properties.organisationName(), properties.renewBefore(), properties.timeout());
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
