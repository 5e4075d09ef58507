// Follows a live order status stream with fetch(): an EventSource cannot send the
// Authorization header. Parses text/event-stream by hand, remembers the last event id and
// reconnects with Last-Event-ID after the server's retry: delay, until the order reached a
// terminal status (the server then ends the stream, and answers a reconnect with 204).
(function () {
  'use strict';

  var controller = null;

  function $(id) { return document.getElementById(id); }

  function state(text) { $('state').textContent = text; }

  function show(event) {
    var item = document.createElement('li');
    var data = JSON.parse(event.data);
    if (event.type === 'snapshot') {
      item.textContent = 'open orders now: ' + data.orders.map(function (o) {
        return o.orderId.substring(0, 8) + ' ' + o.status;
      }).join(', ') + ' (position ' + data.position + ')';
    } else {
      var status = document.createElement('span');
      status.className = 'status ' + data.status + (data.terminal ? ' terminal' : '');
      status.textContent = data.status;
      item.appendChild(status);
      var total = data.order.total ? ' — ' + (data.order.total.amount / 100).toFixed(2) + ' ' + data.order.total.currency : '';
      item.appendChild(document.createTextNode(' order ' + data.orderId.substring(0, 8) + ' #' + data.sequence
        + ' at ' + new Date(data.at).toLocaleTimeString() + total + (data.reason ? ' (' + data.reason + ')' : '')));
    }
    $('events').appendChild(item);
  }

  async function follow(url, token, signal) {
    var lastEventId = null;
    var retry = 3000;
    for (;;) {
      var headers = { 'Authorization': 'Bearer ' + token, 'Accept': 'text/event-stream' };
      if (lastEventId !== null) {
        headers['Last-Event-ID'] = lastEventId;
      }
      var terminal = false;
      try {
        state(lastEventId === null ? 'Connecting…' : 'Reconnecting after event ' + lastEventId + '…');
        var response = await fetch(url, { headers: headers, signal: signal, cache: 'no-store' });
        if (response.status === 204) {
          state('The order is complete.');
          return;
        }
        if (!response.ok) {
          var problem = await response.text();
          state('Refused: ' + response.status + ' ' + problem);
          if (response.status === 401 || response.status === 403 || response.status === 404) {
            return;
          }
        } else {
          state('Connected.');
          var reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          var buffer = '';
          var event = { type: 'message', data: [], id: null };
          for (;;) {
            var chunk = await reader.read();
            if (chunk.done) {
              break;
            }
            buffer += chunk.value;
            var lines = buffer.split(/\r\n|\r|\n/);
            buffer = lines.pop();
            lines.forEach(function (line) {
              if (line === '') {
                if (event.id !== null) {
                  lastEventId = event.id;
                }
                if (event.data.length > 0) {
                  var dispatched = { type: event.type, data: event.data.join('\n') };
                  show(dispatched);
                  terminal = dispatched.type !== 'snapshot' && JSON.parse(dispatched.data).terminal && url.indexOf('/api/orders/') >= 0;
                }
                event = { type: 'message', data: [], id: null };
                return;
              }
              if (line.charAt(0) === ':') {
                return;
              }
              var colon = line.indexOf(':');
              var field = colon < 0 ? line : line.substring(0, colon);
              var value = colon < 0 ? '' : line.substring(colon + 1).replace(/^ /, '');
              if (field === 'data') { event.data.push(value); }
              else if (field === 'event') { event.type = value; }
              else if (field === 'id') { event.id = value; }
              else if (field === 'retry' && /^\d+$/.test(value)) { retry = parseInt(value, 10); }
            });
          }
          if (terminal) {
            state('The order is complete.');
            return;
          }
          state('The stream closed; reconnecting in ' + retry / 1000 + ' s.');
        }
      } catch (e) {
        if (signal.aborted) {
          state('Stopped.');
          return;
        }
        state('Connection lost (' + e.message + '); reconnecting in ' + retry / 1000 + ' s.');
      }
      await new Promise(function (resolve) { setTimeout(resolve, retry); });
      if (signal.aborted) {
        state('Stopped.');
        return;
      }
    }
  }

  $('follow').addEventListener('submit', function (e) {
    e.preventDefault();
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    $('events').textContent = '';
    var order = $('order').value.trim();
    var url = order ? '/api/orders/' + encodeURIComponent(order) + '/events' : '/api/customers/me/orders/events';
    follow(url, $('token').value.trim(), controller.signal);
  });

  $('stop').addEventListener('click', function () {
    if (controller) {
      controller.abort();
      controller = null;
    }
  });
}());
