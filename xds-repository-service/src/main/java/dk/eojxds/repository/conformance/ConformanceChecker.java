package dk.eojxds.repository.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dk.eojxds.dgws.SecureXml;
import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
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
import org.xml.sax.InputSource;

/**
 * Runs a profile's rules over a CDA document with Saxon's XPath 3.1. The expressions are compiled
 * once (compiled Saxon expressions are thread-safe), over Saxon's own tree. The JDK's
 * XPath built a new internal model of the whole DOM for every evaluation, which made checking cost
 * about 50 times building the document.
 */
public final class ConformanceChecker {

    static final String HL7 = "urn:hl7-org:v3";

    private static final Processor SAXON = new Processor(false);
    private static final XPathCompiler COMPILER = compiler();
    // a SAX parser costs about a tenth of a document's parse to make, and is reusable once a parse ends
    private static final ThreadLocal<org.xml.sax.XMLReader> READER = ThreadLocal.withInitial(SecureXml::reader);
    private static final Map<String, XPathExecutable> ADHOC = new ConcurrentHashMap<>();
    // a selector (an expression's evaluation context) is cheap to reuse and not to make: Saxon sets
    // up an error reporter with buffers for each; selectors are not thread-safe, so one set per thread
    private static final ThreadLocal<Map<String, XPathSelector>> ADHOC_SELECTORS = ThreadLocal.withInitial(java.util.HashMap::new);

    private final List<Rule> rules;
    private final ThreadLocal<XPathSelector[][]> selectors;

    public ConformanceChecker(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        List<XPathExecutable[]> compiled = this.rules.stream().map(rule -> new XPathExecutable[] {
                compile(rule.id(), rule.context()), compile(rule.id(), rule.test())}).toList();
        this.selectors = ThreadLocal.withInitial(() -> compiled.stream()
                .map(pair -> new XPathSelector[] {pair[0].load(), pair[1].load()}).toArray(XPathSelector[][]::new));
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Parses a document into Saxon's own tree (DTDs refused, as everywhere). Saxon's wrapper around
     * a DOM walked the DOM's child lists again and again, which cost hundreds of milliseconds on
     * a large QRD; its own tree costs a parse.
     */
    public static XdmNode parse(byte[] xml) {
        org.xml.sax.XMLReader reader = READER.get();
        // Saxon keeps its error handler (and its count of errors) on the reader: each parse starts clean
        reader.setErrorHandler(null);
        try {
            return SAXON.newDocumentBuilder().build(new SAXSource(reader, new InputSource(new ByteArrayInputStream(xml))));
        } catch (SaxonApiException e) {
            READER.remove();
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** A DOM document copied into Saxon's tree. */
    public static XdmNode copy(Document document) {
        try {
            return SAXON.newDocumentBuilder().build(new DOMSource(document));
        } catch (SaxonApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public List<Violation> check(Document document) {
        return check(copy(document));
    }

    public List<Violation> check(XdmNode document) {
        List<Violation> violations = new ArrayList<>();
        XPathSelector[][] mine = selectors.get();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            XPathSelector[] pair = mine[i];
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
            XPathSelector selector = ADHOC_SELECTORS.get().computeIfAbsent(xpath,
                    x -> ADHOC.computeIfAbsent(x, y -> compile("metadata check", y)).load());
            selector.setContextItem(document);
            XdmItem item = selector.evaluateSingle();
            return item == null ? "" : item.getStringValue();
        } catch (SaxonApiException e) {
            return "";
        }
    }

    private static XPathSelector select(XPathSelector selector, XdmItem context) throws SaxonApiException {
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
