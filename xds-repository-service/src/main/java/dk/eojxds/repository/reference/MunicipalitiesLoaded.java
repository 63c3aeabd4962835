package dk.eojxds.repository.reference;

/** An operator loaded the municipality reference data (in the loading transaction): SOR codes may have changed. */
public record MunicipalitiesLoaded(int rows) {
}
