package dk.eojxds.devstack.registry;

import dk.eojxds.devstack.sts.TestSts;
import dk.eojxds.dgws.DgwsNamespaces;
import dk.eojxds.dgws.DgwsRejection;
import dk.eojxds.dgws.DgwsVerifier;
import dk.eojxds.model.LogSafe;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * The registry stand-in's DGWS gate, as DDS has one: ITI-42 and ITI-57 requests must carry a
 * system ID card signed by the (test) STS, checked by the same verifier the repository uses for
 * ITI-43; anything else is a SOAP fault (Sender, wsse:FailedAuthentication). Set
 * {@code eojxds.registry-stand-in.require-dgws=false} to accept calls without a card.
 */
@Component("dgwsRequired")
class DgwsRequired extends AbstractSoapInterceptor {

    private static final Logger log = LoggerFactory.getLogger(DgwsRequired.class);

    private final DgwsVerifier verifier;
    private final boolean required;

    DgwsRequired(TestSts sts, RegistryStandInProperties properties) {
        super(Phase.PRE_PROTOCOL);
        this.verifier = sts.verifier();
        this.required = properties.requireDgws();
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!required) {
            return;
        }
        try {
            verifier.verify(element(message.getHeader(new QName(DgwsNamespaces.WSSE, "Security"))),
                    element(message.getHeader(new QName(DgwsNamespaces.MEDCOM, "Header"))), Map.of());
        } catch (DgwsRejection e) {
            log.warn("Registry stand-in refused a request: {}", LogSafe.text(e.getMessage()));
            SoapFault fault = new SoapFault("DGWS: " + e.getMessage(), message.getVersion().getSender());
            fault.addSubCode(new QName(DgwsNamespaces.WSSE, "FailedAuthentication"));
            throw fault;
        }
    }

    private static Element element(Header header) {
        return header != null && header.getObject() instanceof Element element ? element : null;
    }
}
