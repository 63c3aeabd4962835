package dk.eojxds.dgws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The system's own ID card: fetched once, renewed before it expires, never used expired. */
class SystemIdCardsTest {

    private Instant now = Instant.parse("2026-12-02T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<StsClient.SystemIdCard> issued = new ArrayList<>();
    private boolean stsDown;
    private final Supplier<StsClient.SystemIdCard> sts = () -> {
        if (stsDown) {
            throw new StsClient.StsException("STS down", null);
        }
        StsClient.SystemIdCard card = new StsClient.SystemIdCard(card("card-" + issued.size()),
                now.plus(Duration.ofHours(8)));
        issued.add(card);
        return card;
    };
    private final SystemIdCards cards = new SystemIdCards(sts, Duration.ofMinutes(10), clock);

    @Test
    void oneCardServesUntilShortlyBeforeItExpiresThenANewOneIsFetched() {
        StsClient.SystemIdCard first = cards.card();
        now = now.plus(Duration.ofHours(7));
        assertThat(cards.card()).isSameAs(first);
        now = now.plus(Duration.ofMinutes(51));
        StsClient.SystemIdCard second = cards.card();
        assertThat(second).isNotSameAs(first);
        assertThat(issued).hasSize(2);
    }

    @Test
    void whenTheStsCannotRenewTheValidCardIsKeptAndAnExpiredOneNeverUsed() {
        StsClient.SystemIdCard first = cards.card();
        stsDown = true;
        now = now.plus(Duration.ofMinutes(475));
        assertThat(cards.card()).isSameAs(first);
        now = now.plus(Duration.ofMinutes(5));
        assertThatThrownBy(cards::card).isInstanceOf(StsClient.StsException.class);
    }

    @Test
    void theHeadersCarryTheCardATimestampAndAFreshMedcomHeader() {
        List<Element> headers = cards.soapHeaders();
        assertThat(headers).extracting(Element::getLocalName).containsExactly("Security", "Header");
        Element security = headers.get(0);
        assertThat(XmlElements.child(security, DgwsNamespaces.SAML, "Assertion").getAttribute("id")).isEqualTo("card-0");
        assertThat(XmlElements.child(headers.get(1), DgwsNamespaces.MEDCOM, "SecurityLevel").getTextContent())
                .isEqualTo("3");
        String firstMessageId = cards.soapHeaders().get(1).getElementsByTagNameNS(DgwsNamespaces.MEDCOM, "MessageID")
                .item(0).getTextContent();
        assertThat(cards.soapHeaders().get(1).getElementsByTagNameNS(DgwsNamespaces.MEDCOM, "MessageID").item(0)
                .getTextContent()).isNotEqualTo(firstMessageId);
    }

    private static Document card(String id) {
        Document document = SecureXml.builder().newDocument();
        Element assertion = document.createElementNS(DgwsNamespaces.SAML, "saml:Assertion");
        assertion.setAttribute("id", id);
        document.appendChild(assertion);
        return document;
    }
}
