package io.github.openstackops.mcp.transport;

import java.io.InputStream;
import java.io.OutputStream;

/** The process' real stdin and stdout, captured before System.out is pointed at stderr (stdout carries JSON-RPC only). */
public record StdioStreams(InputStream in, OutputStream out) {
}
