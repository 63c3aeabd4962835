package dk.eojxds.dgws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * This system's ID card for outbound NSP calls (DDS ITI-42/ITI-57, the CPR lookup): fetched from
 * the STS on first use, used until {@code renewBefore} its expiry, then renewed while the old card
 * is still valid, so calls never go out with an expired card and never wait without need. If the
 * STS cannot renew, the old card is used for as long as it is valid (with a warning) and calls
 * fail only when there is no valid card at all.
 */
public final class SystemIdCards {

    private static final Logger log = LoggerFactory.getLogger(SystemIdCards.class);

    private final Supplier<StsClient.SystemIdCard> sts;
    private final Duration renewBefore;
    private final Clock clock;
    private StsClient.SystemIdCard current;

    public SystemIdCards(Supplier<StsClient.SystemIdCard> sts, Duration renewBefore, Clock clock) {
        this.sts = sts;
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    /**
     * Cards for an outbound NSP client configured under {@code prefix} (DDS registration, the CPR
     * lookup): from the STS at {@code stsUrl} for this organisation (its VOCES/FOCES certificate and
     * key as PEM files). Secure by default: when {@code enabled} is false there are no cards (null)
     * only if {@code insecureLocalDevelopment} says so explicitly; otherwise, and when a required
     * setting is missing, this refuses with the setting's name.
     *
     * @param withoutCard what switching the card off means, for the refusal and the warning
     */
    public static SystemIdCards forOutboundCalls(String prefix, String withoutCard, boolean enabled,
                                                 boolean insecureLocalDevelopment, String stsUrl, String certificatePem,
                                                 String privateKeyPem, String itSystem, String cvr,
                                                 String organisationName, Duration renewBefore, Duration timeout) {
        if (!enabled) {
            if (!insecureLocalDevelopment) {
                throw new IllegalStateException(prefix + ".enabled=false " + withoutCard + "; allowed only with "
                        + prefix + ".insecure-local-development=true");
            }
            log.warn("OUTBOUND DGWS IS OFF ({}.enabled=false): {} (local development only)", prefix, withoutCard);
            return null;
        }
        String[][] required = {{stsUrl, "sts-url"}, {certificatePem, "certificate"}, {privateKeyPem, "private-key"},
                {cvr, "cvr"}};
        for (String[] setting : required) {
            if (setting[0] == null || setting[0].isBlank()) {
                throw new IllegalStateException("outbound DGWS needs " + prefix + "." + setting[1]);
            }
        }
        java.security.cert.X509Certificate certificate = TrustedIssuers.certificates(certificatePem).get(0);
        SystemIdentity system = new SystemIdentity(itSystem, cvr, organisationName == null ? itSystem : organisationName,
                Pem.privateKey(privateKeyPem), certificate);
        StsClient sts = new StsClient(java.net.URI.create(stsUrl), system, timeout);
        log.info("{}: system ID cards for {} (CVR {}) from {}", prefix, itSystem, cvr, stsUrl);
        return new SystemIdCards(sts::issue, renewBefore, Clock.systemUTC());
    }

    /** A card valid now, renewed first when it is within {@code renewBefore} of its expiry. */
    public synchronized StsClient.SystemIdCard card() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.notOnOrAfter().minus(renewBefore))) {
            try {
                current = sts.get();
                log.info("New system ID card from the STS, valid until {}", current.notOnOrAfter());
            } catch (RuntimeException e) {
                if (current != null && now.isBefore(current.notOnOrAfter())) {
                    log.warn("Could not renew the system ID card (the current one is valid until {}): {}",
                            current.notOnOrAfter(), e.getMessage());
                    return current;
                }
                throw e;
            }
        }
        return current;
    }

    /**
     * The DGWS header blocks for one call: {@code wsse:Security} (a timestamp and the card) and a
     * {@code medcom:Header} with the level and a fresh message id.
     */
    public List<Element> soapHeaders() {
        Document card = card().card();
        Document document = SecureXml.newDocument();
        Element security = document.createElementNS(DgwsNamespaces.WSSE, "wsse:Security");
        security.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsu", DgwsNamespaces.WSU);
        Element timestamp = SecureXml.append(security, DgwsNamespaces.WSU, "wsu:Timestamp", null);
        SecureXml.append(timestamp, DgwsNamespaces.WSU, "wsu:Created", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        security.appendChild(document.importNode(card.getDocumentElement(), true));
        Element medcom = document.createElementNS(DgwsNamespaces.MEDCOM, "medcom:Header");
        SecureXml.append(medcom, DgwsNamespaces.MEDCOM, "medcom:SecurityLevel", "3");
        Element linking = SecureXml.append(medcom, DgwsNamespaces.MEDCOM, "medcom:Linking", null);
        SecureXml.append(linking, DgwsNamespaces.MEDCOM, "medcom:FlowID", UUID.randomUUID().toString());
        SecureXml.append(linking, DgwsNamespaces.MEDCOM, "medcom:MessageID", UUID.randomUUID().toString());
        SecureXml.append(medcom, DgwsNamespaces.MEDCOM, "medcom:FlowStatus", "flow_running");
        return List.of(security, medcom);
    }

}
