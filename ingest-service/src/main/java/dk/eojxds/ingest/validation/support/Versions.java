package dk.eojxds.ingest.validation.support;

/** meta.versionId as a number when it is one (HAPI-based servers count 1, 2, 3 ...). */
public final class Versions {

    private Versions() {
    }

    public static Long of(String versionId) {
        return versionId != null && versionId.matches("\\d{1,18}") ? Long.valueOf(versionId) : null;
    }
}
