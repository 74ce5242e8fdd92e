// Installed knowledge packs: export or remove each, import a pack file. A rejected file changes
// nothing and the message names the record and field that are wrong.
import { useState } from "preact/hooks";
import { sendMessage } from "@/src/messaging/client";
import type { Translator } from "@/src/i18n/i18n";
import { errorText } from "@/src/shared/error-text";
import { useAsync } from "@/src/ui/shared/use-async";
import { downloadText } from "@/src/ui/shared/download";
import { FilePicker } from "./FilePicker";
import { NoticeLine, type Notice } from "./Notice";

export function PackList({ t, onChanged }: { t: Translator; onChanged?: () => void }) {
  const packs = useAsync(() => sendMessage("pack.list", {}), []);
  const [notice, setNotice] = useState<Notice>();
  const fail = (e: unknown) =>
    setNotice({ kind: "alert", text: t("errorPrefix", { message: errorText(e) }) });

  const importFile = async (file: File) => {
    setNotice(undefined);
    try {
      const result = await sendMessage("pack.import", { json: await file.text() });
      const text =
        result.status === "skipped"
          ? t("options.packSkipped", { ...result })
          : t("options.packImported", { ...result });
      setNotice({ kind: "status", text });
      packs.reload();
      onChanged?.();
    } catch (e) {
      setNotice({ kind: "alert", text: t("options.importFailed", { message: errorText(e) }) });
    }
  };

  return (
    <section aria-labelledby="siyaq-packs" class="siyaq-panel">
      <h3 id="siyaq-packs">{t("options.packs")}</h3>
      {packs.error && <p role="alert">{t("errorPrefix", { message: packs.error })}</p>}
      {packs.value?.length === 0 && <p class="siyaq-empty">{t("options.packsEmpty")}</p>}
      {packs.value && packs.value.length > 0 && (
        <ul class="siyaq-packs" data-testid="pack-list">
          {packs.value.map((pack) => (
            <li key={pack.id} data-pack-id={pack.id}>
              <span class="siyaq-packs__name" dir="auto">
                {pack.name}
              </span>
              <span class="siyaq-packs__summary">
                {t("options.packSummary", {
                  version: pack.version,
                  entities: pack.entityCount,
                  events: pack.eventCount,
                })}
              </span>
              <button
                type="button"
                class="siyaq-button"
                aria-label={t("options.packExport", { name: pack.name })}
                onClick={() =>
                  sendMessage("pack.export", { id: pack.id }).then(
                    ({ json }) => downloadText(`${pack.id}-${pack.version}.json`, json),
                    fail,
                  )
                }
              >
                {t("export")}
              </button>
              <button
                type="button"
                class="siyaq-button siyaq-button--quiet"
                aria-label={t("options.packRemove", { name: pack.name })}
                onClick={() =>
                  sendMessage("pack.remove", { id: pack.id }).then(() => {
                    packs.reload();
                    onChanged?.();
                  }, fail)
                }
              >
                {t("remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FilePicker
        id="siyaq-pack-file"
        label={t("options.packImport")}
        onFile={importFile}
        testId="pack-import"
      />
      <NoticeLine notice={notice} testId="pack-notice" />
    </section>
  );
}
