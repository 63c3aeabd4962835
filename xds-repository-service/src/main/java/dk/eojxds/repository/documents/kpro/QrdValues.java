package dk.eojxds.repository.documents.kpro;

import dk.eojxds.repository.documents.Hl7Time;
import static dk.eojxds.repository.documents.CdaXml.empty;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * FHIR answer values as QRD response patterns: a coded answer is multiple choice (…33.4.5, CE),
 * integer, decimal and quantity are numeric (…33.4.4, INT, REAL, PQ), everything else is text
 * (…33.4.6, ST, with Danish words for yes/no and a readable time), and each as Danish text.
 */
final class QrdValues {

    static final String NUMERIC = "2.16.840.1.113883.10.20.33.4.4";
    static final String MULTIPLE_CHOICE = "2.16.840.1.113883.10.20.33.4.5";
    static final String TEXT = "2.16.840.1.113883.10.20.33.4.6";

    private QrdValues() {
    }

    static String pattern(Type value) {
        if (value instanceof Coding) {
            return MULTIPLE_CHOICE;
        }
        if (value instanceof IntegerType || value instanceof DecimalType || value instanceof Quantity) {
            return NUMERIC;
        }
        return TEXT;
    }

    /** @param questionSystem the questionnaire's code system, for answer codes not under an OID of their own */
    static void write(XMLStreamWriter xml, Type value, String questionSystem) throws XMLStreamException {
        if (value instanceof Coding coding) {
            String system = coding.getSystem() != null && coding.getSystem().startsWith("urn:oid:")
                    ? coding.getSystem().substring(8) : questionSystem;
            empty(xml, "value", "xsi:type", "CE", "code", coding.getCode(), "codeSystem", system,
                    "displayName", readable(value));
        } else if (value instanceof IntegerType integer) {
            empty(xml, "value", "xsi:type", "INT", "value", integer.asStringValue());
        } else if (value instanceof DecimalType decimal) {
            empty(xml, "value", "xsi:type", "REAL", "value", decimal.getValue().toPlainString());
        } else if (value instanceof Quantity quantity) {
            empty(xml, "value", "xsi:type", "PQ", "value", quantity.getValue().toPlainString(), "unit",
                    quantity.hasCode() ? quantity.getCode() : "1");
        } else {
            xml.writeStartElement("value");
            xml.writeAttribute("xsi:type", "ST");
            xml.writeCharacters(readable(value));
            xml.writeEndElement();
        }
    }

    static String readable(Type value) {
        if (value instanceof Coding coding) {
            return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
        }
        if (value instanceof BooleanType bool) {
            return Boolean.TRUE.equals(bool.getValue()) ? "Ja" : "Nej";
        }
        if (value instanceof Quantity quantity) {
            return quantity.getValue().toPlainString() + " " + (quantity.hasUnit() ? quantity.getUnit() : "");
        }
        if (value instanceof DateTimeType dateTime && dateTime.getValue() != null) {
            return Hl7Time.readable(dateTime.getValue().toInstant());
        }
        if (value instanceof DateType date) {
            return date.asStringValue();
        }
        return value == null ? "" : value.primitiveValue() != null ? value.primitiveValue() : value.toString();
    }
}
