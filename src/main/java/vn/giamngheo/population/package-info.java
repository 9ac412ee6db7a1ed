/**
 * The population groups kernel (nhóm đối tượng): which households belong to a group on a day — ethnic-minority
 * households, households headed by a woman, with a person with a disability, with an elderly person, with children
 * — as ONE set of SQL predicates ({@link vn.giamngheo.population.PopulationGroup}) that every report and goal uses;
 * the elderly age is a parameter with its legal source ({@link vn.giamngheo.population.PopulationGroups}).
 */
package vn.giamngheo.population;
