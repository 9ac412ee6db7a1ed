package vn.giamngheo.analysis;

/**
 * One commune's households under the what-if.
 *
 * @param intoPoorOrNearPoor changed households that are poor or near-poor only under the candidate
 * @param outOfPoorOrNearPoor changed households that are poor or near-poor only under the current standard
 */
record CommuneChanges(String communeCode, String communeName, long households, long changed, long intoPoorOrNearPoor,
                      long outOfPoorOrNearPoor) {
}
