package dk.eojxds.model;

/** The three kinds of municipal data the bridge carries, each becoming its own kind of document. */
public enum DataFamily {
    /** Fælles Sprog III: conditions, goals and interventions; one current overview per citizen. */
    FSIII,
    /** Home measurements (telemedicine); one PHMR-DK document per citizen per day. */
    TELMA,
    /** Municipal questionnaires; one QRD-DK document per response. */
    KPRO
}
