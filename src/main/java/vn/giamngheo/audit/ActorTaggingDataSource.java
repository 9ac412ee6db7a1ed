package vn.giamngheo.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tags every connection handed out with the name of the user on whose behalf it works, so the
 * database's audit triggers record who made each change (setting {@code giamngheo.username}).
 */
final class ActorTaggingDataSource extends DelegatingDataSource {

    static final String SYSTEM = "system";

    ActorTaggingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return tag(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return tag(super.getConnection(username, password));
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? SYSTEM : auth.getName();
    }

    private static Connection tag(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('giamngheo.username', ?, false)")) {
            statement.setString(1, currentActor());
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
