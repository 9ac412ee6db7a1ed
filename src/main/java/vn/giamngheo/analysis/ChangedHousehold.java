package vn.giamngheo.analysis;

/**
 * A household whose status differs under the candidate standard: what an officer needs to find it (code,
 * head's name, village, commune); never an identity number.
 *
 * @param missingFact the fact whose absence made one side unclassifiable, if any
 */
record ChangedHousehold(long householdId, String householdCode, String headName, String villageName,
                        String communeCode, String communeName, String from, String to, Integer deprivationsBefore,
                        Integer deprivationsAfter, String missingFact) {
}
