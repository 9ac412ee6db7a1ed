package vn.giamngheo.system.cli;

/** A batch command that needs the database; implemented as a Spring bean. */
public interface DatabaseCommand extends BatchCommand {
}
