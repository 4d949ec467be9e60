/*! LINE breach explainer: iframe sizer for host pages. No dependencies.
 * Usage: <iframe src=".../?embed=1&view=ownership" data-line-explainer title="..." loading="lazy"></iframe>
 *        <script src=".../embed.js" async></script>
 * The explainer posts {"context":"iframe.resize","src":...,"height":N} (a JSON string) to its
 * parent whenever its content height changes; this script applies it to the frame that sent it.
 */
(function () {
  'use strict';
  if (window.__lineExplainerEmbed) return;
  window.__lineExplainerEmbed = true;

  var MAX_HEIGHT = 100000;

  function frames() {
    return document.querySelectorAll('iframe[data-line-explainer]');
  }

  function frameFor(source) {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === source) return list[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    // Only our own frames, and only the one message format we understand.
    var frame = frameFor(event.source);
    if (!frame || typeof event.data !== 'string' || event.data.length > 4096) return;
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!message || message.context !== 'iframe.resize') return;
    var height = Number(message.height);
    if (!isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    frame.style.height = Math.ceil(height) + 'px';
  });

  // Frames sized by this script need no scrollbar and full width.
  var list = frames();
  for (var i = 0; i < list.length; i++) {
    list[i].style.width = '100%';
    list[i].style.border = '0';
    list[i].setAttribute('scrolling', 'no');
  }
})();
