package vn.giamngheo.standard;

import vn.giamngheo.standard.rules.PovertyStandard;

/** A stored version of a standard with the pure standard built from its parameters. */
public record StoredStandard(StandardVersion version, PovertyStandard standard) {
}
