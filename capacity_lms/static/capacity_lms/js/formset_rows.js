// "Add a row" in place: a formset's button (templates/capacity_lms/projects/includes/
// formset.html) adds a copy of the row kept in its <template>, numbered as the next row, and
// moves the focus to its first field. Without JavaScript (or if anything here is missing)
// the button submits the form and the server sends the page back one row longer.
(function () {
  "use strict";
  var PLACEHOLDER = /__prefix__/g;

  function renumber(element, index) {
    Array.prototype.forEach.call(element.attributes, function (attribute) {
      if (attribute.value.indexOf("__prefix__") !== -1) {
        element.setAttribute(attribute.name, attribute.value.replace(PLACEHOLDER, index));
      }
    });
  }

  function addRow(button) {
    var formset = button.closest("[data-formset]");
    if (!formset) {
      return false;
    }
    var prefix = formset.getAttribute("data-formset");
    var rows = formset.querySelector("[data-formset-rows]");
    var template = formset.querySelector("template[data-formset-empty]");
    var total = formset.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var max = formset.querySelector("input[name='" + prefix + "-MAX_NUM_FORMS']");
    if (!rows || !template || !template.content || !total) {
      return false;
    }
    var index = parseInt(total.value, 10);
    if (isNaN(index) || (max && index >= parseInt(max.value, 10))) {
      return false;
    }
    var copy = template.content.cloneNode(true);
    var row = copy.querySelector("[data-formset-row]");
    if (!row) {
      return false;
    }
    renumber(row, String(index));
    Array.prototype.forEach.call(row.querySelectorAll("*"), function (element) {
      renumber(element, String(index));
    });
    row.id = prefix + "-" + (index + 1);
    var number = row.querySelector("[data-formset-number]");
    if (number) {
      number.textContent = String(index + 1);
    }
    rows.appendChild(copy);
    total.value = String(index + 1);
    var first = row.querySelector("input:not([type=hidden]), select, textarea");
    if (first) {
      first.focus();
    }
    return true;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-formset-add]");
    if (button && addRow(button)) {
      event.preventDefault();
    }
  });
})();
