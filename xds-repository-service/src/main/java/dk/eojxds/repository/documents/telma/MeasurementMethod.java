package dk.eojxds.repository.documents.telma;

/**
 * How a home measurement came about, as PHMR-DK's two methodCodes (MedCom message codes,
 * {@code 1.2.208.184.100.1}) say it: who measured, and how the value reached the record. Read from
 * the Observation: the performer's kind (Patient, RelatedPerson, Practitioner/PractitionerRole) and
 * whether a device delivered the value; the telemedicine feed's measurements are the citizen's own
 * unless a person performer says otherwise.
 */
public record MeasurementMethod(Performer performer, Provision provision) {

    static final String MEDCOM_MESSAGE_CODES = "1.2.208.184.100.1";

    /** One MedCom message code: the code, its display, and who it names in the document's table. */
    public record Code(String code, String display, String who) {
    }

    public enum Performer {
        CITIZEN(new Code("POT", "Målt af borger", "Borgeren")),
        PROFESSIONAL(new Code("PNT", "Målt af sundhedsprofessionel", "Sundhedsprofessionel")),
        CAREGIVER(new Code("PCG", "Målt af anden omsorgsperson", "Pårørende/omsorgsperson"));

        final Code code;

        Performer(Code code) {
            this.code = code;
        }
    }

    public enum Provision {
        ELECTRONIC(new Code("AUT", "Overført elektronisk", "Automatisk")),
        TYPED_BY_CITIZEN(new Code("TPD", "Indtastet af borger", "Borgeren")),
        TYPED_BY_PROFESSIONAL(new Code("TPH", "Indtastet af sundhedsprofessionel", "Sundhedsprofessionel")),
        TYPED_BY_CAREGIVER(new Code("TPC", "Indtastet af anden omsorgsperson", "Pårørende/omsorgsperson"));

        final Code code;

        Provision(Code code) {
            this.code = code;
        }
    }

    /** A value typed in by the one who measured, or sent by the device that measured. */
    public static MeasurementMethod of(Performer performer, boolean fromDevice) {
        if (fromDevice) {
            return new MeasurementMethod(performer, Provision.ELECTRONIC);
        }
        return new MeasurementMethod(performer, switch (performer) {
            case CITIZEN -> Provision.TYPED_BY_CITIZEN;
            case PROFESSIONAL -> Provision.TYPED_BY_PROFESSIONAL;
            case CAREGIVER -> Provision.TYPED_BY_CAREGIVER;
        });
    }
}
