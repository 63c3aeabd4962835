package dk.eojxds.repository.documents;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writing CDA with StAX: a document skeleton and the two element shapes used everywhere. */
public final class CdaXml {

    public static final String HL7 = "urn:hl7-org:v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private CdaXml() {
    }

    /** What goes between the header and the end of the document. */
    public interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /** A complete UTF-8 ClinicalDocument: header, then the structured body. */
    public static byte[] document(CdaHeader header, String selfDisplay, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("ClinicalDocument");
            xml.writeDefaultNamespace(HL7);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("classCode", "DOCCLIN");
            xml.writeAttribute("moodCode", "EVN");
            header.write(xml, selfDisplay);
            // the body's structural attributes, fixed by CDA R2 and required by the Danish profiles
            start(xml, "component", "typeCode", "COMP", "contextConductionInd", "true");
            start(xml, "structuredBody", "classCode", "DOCBODY", "moodCode", "EVN");
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the CDA document", e);
        }
        return out.toByteArray();
    }

    /** Opens an element with its attributes (name, value, name, value, …); the caller closes it. */
    public static void start(XMLStreamWriter xml, String name, String... attributes) throws XMLStreamException {
        xml.writeStartElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    public static void empty(XMLStreamWriter xml, String name, String... attributes) throws XMLStreamException {
        xml.writeEmptyElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    public static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
