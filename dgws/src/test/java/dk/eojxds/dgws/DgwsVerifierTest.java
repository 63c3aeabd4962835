package dk.eojxds.dgws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.eojxds.testsupport.sts.IdCardIssuer;
import dk.eojxds.testsupport.sts.TestCertificates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The verifier remembers cards it has verified (DDS repeats its card on every request): a card
 * seen before is accepted without a new signature check, but any change to it is a new card that
 * is verified again, and the time checks still run on every request.
 */
class DgwsVerifierTest {

    static final TestCertificates.Credential CA = TestCertificates.certificateAuthority("CN=Verifier CA");
    static final IdCardIssuer STS = new IdCardIssuer(TestCertificates.issuedBy(CA, "CN=Verifier STS"));
    static final IdCardIssuer.Card CARD = IdCardIssuer.Card.system("Sundhed.dk", "33257872", "Sundhed.dk");

    private Instant now = Instant.now();
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final DgwsVerifier verifier = new DgwsVerifier(new TrustedIssuers(List.of(),
            List.of(new javax.security.auth.x500.X500Principal("CN=Verifier STS")), List.of(CA.certificate()), List.of(), false),
            Duration.ofMinutes(5), 3, clock);

    @Test
    void aCardSeenBeforeIsAcceptedAgainWithTheSameCaller() {
        String headers = STS.soapHeaders(CARD);
        CallerIdentity first = verify(headers);
        CallerIdentity again = verify(headers);
        assertThat(again).isEqualTo(first);
        assertThat(again.itSystem()).isEqualTo("Sundhed.dk");
    }

    @Test
    void aVerifiedCardThatIsAlteredIsVerifiedAgainAndRefused() {
        String headers = STS.soapHeaders(CARD);
        verify(headers);
        String altered = headers.replace("Sundhed.dk</saml:AttributeValue>", "Somebody else</saml:AttributeValue>");
        assertThatThrownBy(() -> verify(altered)).isInstanceOf(DgwsRejection.class)
                .hasMessageContaining("signature is invalid");
        String reordered = headers.replace("Version=\"2.0\"", "Version=\"2.0\" extra=\"1\"");
        assertThatThrownBy(() -> verify(reordered)).isInstanceOf(DgwsRejection.class);
    }

    @Test
    void aCachedCardStillExpires() {
        String headers = STS.soapHeaders(CARD);
        verify(headers);
        now = now.plus(Duration.ofHours(9));
        assertThatThrownBy(() -> verify(headers)).isInstanceOf(DgwsRejection.class).hasMessageContaining("expired");
    }

    @Test
    void theFingerprintChangesWithAnyTextOrAttribute() throws Exception {
        String assertion = STS.assertion(CARD);
        String fingerprint = CardFingerprint.of(parse(assertion));
        assertThat(CardFingerprint.of(parse(assertion))).isEqualTo(fingerprint);
        assertThat(CardFingerprint.of(parse(assertion.replace("Version=\"2.0\"", "Version=\"2.1\""))))
                .isNotEqualTo(fingerprint);
        assertThat(CardFingerprint.of(parse(assertion.replace(">3<", ">4<")))).isNotEqualTo(fingerprint);
    }

    private CallerIdentity verify(String headers) {
        Element envelope = parse("<h>" + headers + "</h>");
        Element security = XmlElements.child(envelope, IdCardIssuer.WSSE, "Security");
        Element medcom = XmlElements.child(envelope, IdCardIssuer.MEDCOM, "Header");
        return verifier.verify(security, medcom, Map.of());
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
