/**
 * The jar's command line (exchange-format §7): the command interfaces the feature modules implement, their
 * argument parser and the dispatcher the entry point gives the standalone commands to.
 */
@NamedInterface("cli")
package vn.giamngheo.system.cli;

import org.springframework.modulith.NamedInterface;
