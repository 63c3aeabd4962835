package dk.eojxds.repository.build;

import static dk.eojxds.repository.build.CdaXml.empty;

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

/** FHIR answer values as HL7 V3 data types (CO, INT, REAL, BL, TS, PQ, ST) and as Danish text. */
final class QrdValues {

    private QrdValues() {
    }

    static void write(XMLStreamWriter xml, Type value) throws XMLStreamException {
        if (value instanceof Coding coding) {
            empty(xml, "value", "xsi:type", "CO", "code", coding.getCode(), "codeSystem",
                    QrdDocumentBuilder.codingSystemOid(coding), "displayName", readable(value));
        } else if (value instanceof IntegerType integer) {
            empty(xml, "value", "xsi:type", "INT", "value", integer.asStringValue());
        } else if (value instanceof DecimalType decimal) {
            empty(xml, "value", "xsi:type", "REAL", "value", decimal.getValue().toPlainString());
        } else if (value instanceof BooleanType bool) {
            empty(xml, "value", "xsi:type", "BL", "value", bool.asStringValue());
        } else if (value instanceof DateTimeType dateTime) {
            empty(xml, "value", "xsi:type", "TS", "value", Hl7Time.ts(dateTime.getValue().toInstant()));
        } else if (value instanceof DateType date) {
            empty(xml, "value", "xsi:type", "TS", "value", date.asStringValue().replace("-", ""));
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
        return value == null ? "" : value.primitiveValue() != null ? value.primitiveValue() : value.toString();
    }
}
