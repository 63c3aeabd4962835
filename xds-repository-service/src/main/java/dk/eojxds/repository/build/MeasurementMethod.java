package dk.eojxds.repository.build;

/**
 * How a home measurement came about, as PHMR-DK's two methodCodes (MedCom message codes,
 * {@code 1.2.208.184.100.1}) say it: who measured, and how the value reached the record. Read from
 * the Observation: the performer's kind (Patient, RelatedPerson, Practitioner/PractitionerRole) and
 * whether a device delivered the value; the telemedicine feed's measurements are the citizen's own
 * unless a person performer says otherwise.
 */
record MeasurementMethod(Performer performer, Provision provision) {

    static final String MEDCOM_MESSAGE_CODES = "1.2.208.184.100.1";

    enum Performer {
        CITIZEN("POT", "Målt af borger", "Borgeren"),
        PROFESSIONAL("PNT", "Målt af sundhedsprofessionel", "Sundhedsprofessionel"),
        CAREGIVER("PCG", "Målt af anden omsorgsperson", "Pårørende/omsorgsperson");

        final String code;
        final String display;
        final String who;

        Performer(String code, String display, String who) {
            this.code = code;
            this.display = display;
            this.who = who;
        }
    }

    enum Provision {
        ELECTRONIC("AUT", "Overført elektronisk", "Automatisk"),
        TYPED_BY_CITIZEN("TPD", "Indtastet af borger", "Borgeren"),
        TYPED_BY_PROFESSIONAL("TPH", "Indtastet af sundhedsprofessionel", "Sundhedsprofessionel"),
        TYPED_BY_CAREGIVER("TPC", "Indtastet af anden omsorgsperson", "Pårørende/omsorgsperson");

        final String code;
        final String display;
        final String who;

        Provision(String code, String display, String who) {
            this.code = code;
            this.display = display;
            this.who = who;
        }
    }

    /** A value typed in by the one who measured, or sent by the device that measured. */
    static MeasurementMethod of(Performer performer, boolean fromDevice) {
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
