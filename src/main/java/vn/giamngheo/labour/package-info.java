/**
 * The register of labour export (đưa người lao động đi làm việc ở nước ngoài theo hợp đồng): members of households
 * working abroad, with the country, contract type, departure and return dates, the support received (training, a
 * loan of the credit register, fees) and their status on a date (abroad, returned, broke the contract); figures by
 * commune and country.
 */
package vn.giamngheo.labour;
