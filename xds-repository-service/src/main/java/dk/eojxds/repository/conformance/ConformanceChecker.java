package dk.eojxds.repository.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import net.sf.saxon.s9api.Axis;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.w3c.dom.Document;

/**
 * Runs a profile's rules over a CDA document with Saxon's XPath 3.1. The expressions are compiled
 * once (compiled Saxon expressions are thread-safe); a document is wrapped, not copied. The JDK's
 * XPath built a new internal model of the whole DOM for every evaluation, which made checking cost
 * about 50 times building the document.
 */
public final class ConformanceChecker {

    static final String HL7 = "urn:hl7-org:v3";

    private static final Processor SAXON = new Processor(false);
    private static final XPathCompiler COMPILER = compiler();
    private static final Map<String, XPathExecutable> ADHOC = new ConcurrentHashMap<>();

    private final List<Rule> rules;
    private final List<XPathExecutable[]> compiled;

    public ConformanceChecker(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.compiled = this.rules.stream().map(rule -> new XPathExecutable[] {
                compile(rule.id(), rule.context()), compile(rule.id(), rule.test())}).toList();
    }

    public List<Rule> rules() {
        return rules;
    }

    /** A parsed document as Saxon sees it (a wrapper around the DOM, no copy). */
    public static XdmNode wrap(Document document) {
        return SAXON.newDocumentBuilder().wrap(document);
    }

    public List<Violation> check(Document document) {
        return check(wrap(document));
    }

    public List<Violation> check(XdmNode document) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            XPathExecutable[] pair = compiled.get(i);
            try {
                for (XdmItem context : select(pair[0], document)) {
                    if (!select(pair[1], context).effectiveBooleanValue()) {
                        violations.add(new Violation(rule.id(), rule.statement(), path((XdmNode) context)));
                    }
                }
            } catch (SaxonApiException e) {
                // a shape the rule cannot even evaluate (two titles where one is allowed) breaks it too
                violations.add(new Violation(rule.id(), rule.statement() + " (" + e.getMessage() + ")", "/"));
            }
        }
        return violations;
    }

    /**
     * The string value of an XPath expression (prefixes {@code h} HL7 V3 and {@code xsi}) over a
     * document; "" when it selects nothing. For the metadata checks beside the rules.
     */
    public static String valueOf(XdmNode document, String xpath) {
        try {
            XPathSelector selector = ADHOC.computeIfAbsent(xpath, x -> compile("metadata check", x)).load();
            selector.setContextItem(document);
            XdmItem item = selector.evaluateSingle();
            return item == null ? "" : item.getStringValue();
        } catch (SaxonApiException e) {
            return "";
        }
    }

    private static XPathSelector select(XPathExecutable expression, XdmItem context) throws SaxonApiException {
        XPathSelector selector = expression.load();
        selector.setContextItem(context);
        return selector;
    }

    private static XPathCompiler compiler() {
        XPathCompiler compiler = SAXON.newXPathCompiler();
        compiler.declareNamespace("h", HL7);
        compiler.declareNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
        return compiler;
    }

    private static XPathExecutable compile(String ruleId, String expression) {
        try {
            synchronized (COMPILER) {
                return COMPILER.compile(expression);
            }
        } catch (SaxonApiException e) {
            throw new IllegalStateException("rule " + ruleId + " does not compile: " + expression, e);
        }
    }

    private static String path(XdmNode node) {
        StringBuilder path = new StringBuilder();
        for (XdmNode n = node; n != null && n.getNodeKind() == XdmNodeKind.ELEMENT; n = n.getParent()) {
            QName name = n.getNodeName();
            long index = 1 + n.axisIterator(Axis.PRECEDING_SIBLING, name).stream().count();
            path.insert(0, "/" + name.getLocalName() + (index > 1 ? "[" + index + "]" : ""));
        }
        return path.length() == 0 ? "/" : path.toString();
    }
}
