package io.cartwright.cart.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

/**
 * Records every statement Connector/J sends to the server while recording is on —
 * including the ones the driver sends itself for a transaction ({@code SET autocommit},
 * {@code commit}): each is a round trip. Enabled by the JDBC URL parameter
 * {@code queryInterceptors=io.cartwright.cart.support.StatementRecorder}.
 */
public final class StatementRecorder implements QueryInterceptor {

	private static final ConcurrentLinkedQueue<String> recorded = new ConcurrentLinkedQueue<>();

	private static volatile boolean recording;

	/**
	 * The statements sent while an action ran.
	 * @param action what to record
	 * @return the statements, in the order they were sent
	 */
	public static List<String> during(Runnable action) {
		recorded.clear();
		recording = true;
		try {
			action.run();
		}
		finally {
			recording = false;
		}
		return new ArrayList<>(recorded);
	}

	@Override
	public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
		return this;
	}

	@Override
	public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
		if (recording) {
			recorded.add(sql.get().strip().replaceAll("\\s+", " "));
		}
		return null;
	}

	@Override
	public boolean executeTopLevelOnly() {
		return false;
	}

	@Override
	public void destroy() {
	}

	@Override
	public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T resultSet, ServerSession session) {
		return null;
	}

}
