package vn.giamngheo.standard;

import vn.giamngheo.classification.PovertyStandard;

/** A stored version of a standard with the pure standard built from its parameters. */
public record StoredStandard(StandardVersion version, PovertyStandard standard) {
}
