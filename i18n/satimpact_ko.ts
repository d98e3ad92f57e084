<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>SatImpact</name>
    <message>
        <source>The zones' field '{0}' is replaced by this tool's figure</source>
        <translation>구역의 '{0}' 필드는 이 도구의 값으로 바뀝니다</translation>
    </message>
    <message>
        <source>Smallest water body: {area:g} m2 (4 pixels; set MIN_AREA to change)</source>
        <translation>가장 작은 수체: {area:g} m2 (4픽셀, 바꾸려면 MIN_AREA 지정)</translation>
    </message>
    <message>
        <source>Model: {0}</source>
        <translation>모델: {0}</translation>
    </message>
    <message>
        <source>Bands: {0}</source>
        <translation>밴드: {0}</translation>
    </message>
    <message>
        <source>Model chosen from the bands: {model_card_name}</source>
        <translation>밴드 구성으로 고른 모델: {model_card_name}</translation>
    </message>
    <message>
        <source>The scene's MNDWI splits at {probe_threshold:.3f} (Otsu), below 0: dark or turbid water. Using water_mndwi with that threshold (set MODEL or THRESHOLD to choose yourself).</source>
        <translation>이 영상의 MNDWI는 {probe_threshold:.3f}(Otsu)에서 나뉘며 0보다 낮습니다: 어둡거나 탁한 물입니다. 이 임계값으로 water_mndwi를 사용합니다 (직접 고르려면 MODEL 또는 THRESHOLD를 지정하세요).</translation>
    </message>
    <message>
        <source>8-bit imagery: only the sign-based index models are candidates</source>
        <translation>8비트 영상: 부호만 쓰는 지수 모델만 후보입니다</translation>
    </message>
    <message>
        <source>Computing the split-based automatic threshold (tiles with a bimodal histogram) ...</source>
        <translation>분할 기반 자동 임계값 계산 중 (히스토그램이 쌍봉형인 타일) ...</translation>
    </message>
    <message>
        <source>Polygonising water bodies ...</source>
        <translation>수체를 폴리곤으로 변환 중 ...</translation>
    </message>
    <message>
        <source>Computing Otsu's threshold on the scene's index histogram ...</source>
        <translation>영상의 지수 히스토그램으로 Otsu 임계값 계산 중 ...</translation>
    </message>
    <message>
        <source>{0} converted to dB (10 log10) on the fly for {card_name}</source>
        <translation>{card_name}에 쓰도록 {0}을(를) 즉석에서 dB(10 log10)로 변환</translation>
    </message>
    <message>
        <source>{n} water bodies of at least {min_area_m2:g} m2, {0:.4f} km2 in all (areas computed in {calc_area_crs})</source>
        <translation>면적 {min_area_m2:g} m2 이상 수체 {n}개, 총 {0:.4f} km2 (면적 계산 좌표계: {calc_area_crs})</translation>
    </message>
    <message>
        <source>Threshold {value:.6g} ({how}); water where {0} is {side} it</source>
        <translation>임계값 {value:.6g} ({how}); {0}이(가) 임계값 {side}인 곳을 수체로 판정</translation>
    </message>
    <message>
        <source>Water: {stats_water} of {stats_valid} valid pixels ({0:.2f} %), {stats_nodata} nodata pixels</source>
        <translation>수체: 유효 픽셀 {stats_valid}개 중 {stats_water}개 ({0:.2f} %), NoData 픽셀 {stats_nodata}개</translation>
    </message>
    <message>
        <source>above</source>
        <translation>초과</translation>
    </message>
    <message>
        <source>below</source>
        <translation>미만</translation>
    </message>
    <message>
        <source>{0}: no raster layer given</source>
        <translation>{0}: 래스터 레이어가 주어지지 않았습니다</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' is not valid</source>
        <translation>{0}: 레이어 '{1}'이(가) 유효하지 않습니다</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' comes from the '{2}' provider and is not a file; export it as a GeoTIFF first (Raster &gt; Conversion &gt; Translate)</source>
        <translation>{0}: 레이어 '{1}'은(는) '{2}' 제공자에서 온 것으로 파일이 아닙니다. 먼저 GeoTIFF로 내보내십시오(래스터 &gt; 변환 &gt; 변환)</translation>
    </message>
    <message>
        <source>{0}: the raster '{1}' ({2}) has no coordinate reference system; assign one (Raster &gt; Projections &gt; Assign Projection) and run again</source>
        <translation>{0}: 래스터 '{1}'({2})에 좌표계가 없습니다. 좌표계를 지정한 뒤(래스터 &gt; 투영 &gt; 투영 지정) 다시 실행하십시오</translation>
    </message>
    <message>
        <source>{0}: cannot cut '{1}' to the requested extent: {2}</source>
        <translation>{0}: '{1}'을(를) 요청한 범위로 자를 수 없습니다: {2}</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' has no coordinate reference system</source>
        <translation>{0}: 레이어 '{1}'에 좌표계가 없습니다</translation>
    </message>
    <message>
        <source>{0}: '{1}' is not a file ({2} provider), so it must be rendered at a ground resolution; set RESOLUTION (metres per pixel), the model card gives none</source>
        <translation>{0}: '{1}'은(는) 파일이 아니므로({2} 제공자) 지상 해상도로 렌더링해야 합니다. 모델 카드에 해상도가 없으니 RESOLUTION(픽셀당 미터)을 지정하십시오</translation>
    </message>
    <message>
        <source>{0}: rendering '{1}' over {2} at {3} m would make {4} x {5} px; set a smaller EXTENT or a coarser RESOLUTION</source>
        <translation>{0}: '{1}'을(를) {2} 범위에서 {3} m로 렌더링하면 {4} x {5} 픽셀이 됩니다. 더 작은 EXTENT나 더 거친 RESOLUTION을 지정하십시오</translation>
    </message>
    <message>
        <source>{0}: cannot read the layer '{1}' through a raster pipe</source>
        <translation>{0}: 레이어 '{1}'을(를) 래스터 파이프로 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>{0}: cancelled while rendering '{1}'</source>
        <translation>{0}: '{1}'을(를) 렌더링하는 중에 취소됨</translation>
    </message>
    <message>
        <source>{0}: rendering '{1}' failed (writer error {2})</source>
        <translation>{0}: '{1}' 렌더링 실패(쓰기 오류 {2})</translation>
    </message>
    <message>
        <source>cannot measure ground distances in {0} at {1}</source>
        <translation>{0}에서 {1} 위치의 지상 거리를 잴 수 없습니다</translation>
    </message>
    <message>
        <source>{0}: the requested extent does not overlap the layer '{1}'</source>
        <translation>{0}: 요청한 범위가 레이어 '{1}'과(와) 겹치지 않습니다</translation>
    </message>
    <message>
        <source>{0}: the layer '{1}' has {2} geometries; polygons are needed</source>
        <translation>{0}: 레이어 '{1}'의 도형은 {2}입니다. 폴리곤이 필요합니다</translation>
    </message>
    <message>
        <source>{0}: '{1}' does not end with an extension of its format ({2})</source>
        <translation>{0}: '{1}'의 확장자가 출력 형식의 확장자({2})가 아닙니다</translation>
    </message>
    <message>
        <source>{0} ({1}) is inside the shipped models folder; choose another folder</source>
        <translation>{0} ({1})은(는) 기본 제공 모델 폴더 안에 있습니다. 다른 폴더를 고르십시오</translation>
    </message>
    <message>
        <source>{0} ({1}) is the same file as the input {2} ({3}); writing it would destroy the input. Choose another output name</source>
        <translation>{0} ({1})은(는) 입력 {2} ({3})와(과) 같은 파일입니다. 쓰면 입력이 훼손됩니다. 다른 출력 이름을 고르십시오</translation>
    </message>
    <message>
        <source>{0} and {1} are the same file ({2}); give each output its own name</source>
        <translation>{0}와(과) {1}이(가) 같은 파일({2})입니다. 출력마다 다른 이름을 주십시오</translation>
    </message>
    <message>
        <source>{0}: the output path '{1}' contains '|'; choose a name without it</source>
        <translation>{0}: 출력 경로 '{1}'에 '|'가 있습니다. '|'가 없는 이름을 고르십시오</translation>
    </message>
    <message>
        <source>{0}: a time series needs at least two rasters</source>
        <translation>{0}: 시계열에는 래스터가 두 개 이상 필요합니다</translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation>사용자가 취소함</translation>
    </message>
    <message>
        <source>{0}: the zones have no field '{1}' (fields: {2})</source>
        <translation>{0}: 구역에 '{1}' 필드가 없습니다 (필드: {2})</translation>
    </message>
    <message>
        <source>{0}: the zone layer has no feature; leave {0} empty for the common footprint</source>
        <translation>{0}: 구역 레이어에 피처가 없습니다. 모든 날짜가 덮는 공통 영역을 쓰려면 {0}을(를) 비워 두십시오</translation>
    </message>
    <message>
        <source>{0} needs {1}: population figures belong to zones, not to grid cells</source>
        <translation>{0}에는 {1}이(가) 필요합니다: 인구 수치는 격자 셀이 아니라 구역에 속합니다</translation>
    </message>
    <message>
        <source>no water model fits this raster: optical water needs green and NIR (NDWI) or green and SWIR (MNDWI) bands, radar water needs Sentinel-1 VV and/or VH (a one-band radar scene without a band description: say which with BAND_MAP=VV=1 or BAND_MAP=VH=1). </source>
        <translation>이 래스터에 맞는 수체 모델이 없습니다: 광학 수체 탐지에는 녹색과 근적외선(NDWI) 또는 녹색과 단파적외선(MNDWI) 밴드가, 레이더 수체 탐지에는 Sentinel-1 VV 및/또는 VH가 필요합니다 (밴드 설명이 없는 단일 밴드 레이더 영상이라면 BAND_MAP=VV=1 또는 BAND_MAP=VH=1로 지정하세요). </translation>
    </message>
    <message>
        <source>no valid pixel to compute Otsu's threshold on</source>
        <translation>Otsu 임계값을 계산할 유효 픽셀이 없습니다</translation>
    </message>
    <message>
        <source>the index histogram has a single value: Otsu's threshold is undefined</source>
        <translation>지수 히스토그램에 값이 하나뿐이라 Otsu 임계값을 정할 수 없습니다</translation>
    </message>
    <message>
        <source>model '{card_name}': card extra 'water_if' must be 'above' or 'below', got '{side}'</source>
        <translation>모델 '{card_name}': 카드의 extra 'water_if'는 'above' 또는 'below'여야 하는데 '{side}'입니다</translation>
    </message>
    <message>
        <source>cancelled by the user; no output was written</source>
        <translation>사용자가 취소했습니다. 출력은 저장되지 않았습니다</translation>
    </message>
    <message>
        <source>the index is constant ({lo:g}) over the whole scene: no threshold can split it into water and land</source>
        <translation>지수가 영상 전체에서 일정({lo:g})하여 어떤 임계값으로도 수체와 육지를 나눌 수 없습니다</translation>
    </message>
    <message>
        <source>the raster has no CRS: areas in m2 cannot be computed</source>
        <translation>래스터에 좌표계가 없어 면적(m2)을 계산할 수 없습니다</translation>
    </message>
    <message>
        <source>cannot write vector output '{path}': use a GeoPackage (.gpkg), shapefile (.shp) or GeoJSON file</source>
        <translation>벡터 출력 '{path}'을(를) 쓸 수 없습니다: GeoPackage(.gpkg), 셰이프파일(.shp) 또는 GeoJSON 파일을 사용하세요</translation>
    </message>
    <message>
        <source>{0}, and model '{card_name}' gives no fixed threshold to fall back on; set THRESHOLD</source>
        <translation>{0}. 모델 '{card_name}'에는 대신 쓸 고정 임계값도 없습니다. THRESHOLD를 지정하세요</translation>
    </message>
    <message>
        <source>model '{card_name}' is a '{card_task}' model, not a water model (task 'water')</source>
        <translation>모델 '{card_name}'은(는) 수체 모델(task 'water')이 아니라 '{card_task}' 모델입니다</translation>
    </message>
    <message>
        <source>model '{card_name}' must have one input and an index output to detect water</source>
        <translation>수체를 탐지하려면 모델 '{card_name}'에 입력 하나와 지수 출력이 있어야 합니다</translation>
    </message>
    <message>
        <source>MIN_AREA must be zero or positive, got {min_area_m2} m2</source>
        <translation>MIN_AREA는 0 이상이어야 하는데 {min_area_m2} m2입니다</translation>
    </message>
    <message>
        <source>model '{card_name}' gives no default threshold in its card; set THRESHOLD or AUTO_THRESHOLD</source>
        <translation>모델 '{card_name}'의 카드에 기본 임계값이 없습니다. THRESHOLD 또는 AUTO_THRESHOLD를 지정하세요</translation>
    </message>
    <message>
        <source>{0}: the index has no valid pixel (all nodata)</source>
        <translation>{0}: 지수에 유효 픽셀이 없습니다 (모두 NoData)</translation>
    </message>
    <message>
        <source>Green ratio - {0}</source>
        <translation>녹지 비율 - {0}</translation>
    </message>
    <message>
        <source>Vegetation ({0}) - {1}</source>
        <translation>식생 ({0}) - {1}</translation>
    </message>
    <message>
        <source>Water mask ({0}) - {1}</source>
        <translation>수체 마스크 ({0}) - {1}</translation>
    </message>
    <message>
        <source>Water index: {0} ({1}) - {2}</source>
        <translation>수체 지수: {0} ({1}) - {2}</translation>
    </message>
    <message>
        <source>Water bodies ({0}) - {1}</source>
        <translation>수체 폴리곤 ({0}) - {1}</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>수체</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>육지</translation>
    </message>
    <message>
        <source>vegetation</source>
        <translation>식생</translation>
    </message>
    <message>
        <source>SatImpact</source>
        <translation>SatImpact</translation>
    </message>
    <message>
        <source>Model manager...</source>
        <translation>모델 관리자...</translation>
    </message>
    <message>
        <source>About SatImpact...</source>
        <translation>SatImpact 정보...</translation>
    </message>
    <message>
        <source>SatImpact tools</source>
        <translation>SatImpact 도구</translation>
    </message>
    <message>
        <source>Install into my profile</source>
        <translation>내 프로필에 설치</translation>
    </message>
    <message>
        <source>SatImpact needs the Python package(s) {0}, which QGIS cannot import. The tools will not run until they are installed.</source>
        <translation>SatImpact에는 QGIS가 불러올 수 없는 Python 패키지 {0}이(가) 필요합니다. 설치하기 전까지 도구가 실행되지 않습니다.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Radar backscatter units</source>
        <translation>레이더 후방산란 단위</translation>
    </message>
    <message>
        <source>Output compression (auto: ZSTD for classes and masks, none for continuous values)</source>
        <translation>출력 압축 (auto: 클래스와 마스크는 ZSTD, 연속값은 압축 없음)</translation>
    </message>
    <message>
        <source>Automatic (band descriptions, else the values)</source>
        <translation>자동 (밴드 설명, 없으면 값으로 판단)</translation>
    </message>
    <message>
        <source>dB</source>
        <translation>dB</translation>
    </message>
    <message>
        <source>Linear power</source>
        <translation>선형 전력(linear power)</translation>
    </message>
    <message>
        <source>Extent to process (default: the whole layer; a file is cut to it, other layers rendered over it)</source>
        <translation>처리할 범위 (기본값: 레이어 전체; 파일은 이 범위로 잘라내고, 다른 레이어는 이 범위에 렌더링)</translation>
    </message>
    <message>
        <source>help language: en</source>
        <translation>help language: ko</translation>
    </message>
    <message>
        <source>Otsu (radar: on the tiles with a bimodal histogram)</source>
        <translation>Otsu (레이더: 히스토그램이 쌍봉형인 타일에서)</translation>
    </message>
    <message>
        <source>Kittler-Illingworth minimum error (on the tiles with a bimodal histogram)</source>
        <translation>Kittler-Illingworth 최소 오차 (히스토그램이 쌍봉형인 타일에서)</translation>
    </message>
    <message>
        <source>Zone name field (for the report)</source>
        <translation>구역 이름 필드 (보고서용)</translation>
    </message>
    <message>
        <source>Minimum observed share of a zone (below: flagged, left out of the trend)</source>
        <translation>구역의 최소 관측 비율 (미만이면 표시하고 추세에서 제외)</translation>
    </message>
    <message>
        <source>Report (HTML)</source>
        <translation>보고서 (HTML)</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 파일 (*.html)</translation>
    </message>
    <message>
        <source>Threshold (empty: the model card's default)</source>
        <translation>임계값 (비우면 모델 카드 기본값)</translation>
    </message>
    <message>
        <source>Automatic threshold method</source>
        <translation>자동 임계값 방법</translation>
    </message>
    <message>
        <source>no value (NULL)</source>
        <translation>값 없음 (NULL)</translation>
    </message>
    <message>
        <source>any finite number</source>
        <translation>유한한 숫자</translation>
    </message>
    <message>
        <source>from {0} to {1}</source>
        <translation>{0}부터 {1}까지의 값</translation>
    </message>
    <message>
        <source>at least {0}</source>
        <translation>{0} 이상</translation>
    </message>
    <message>
        <source>at most {0}</source>
        <translation>{0} 이하</translation>
    </message>
    <message>
        <source>{0} ({1}) must be {2}, got {3}</source>
        <translation>{0} ({1})은(는) {2}이어야 합니다. 입력값: {3}</translation>
    </message>
    <message>
        <source>{0}: '{1}' is not a UTF-8 text file (it looks {2}); save it as UTF-8 text</source>
        <translation>{0}: '{1}'은(는) UTF-8 텍스트 파일이 아닙니다({2} 파일로 보임). UTF-8 텍스트로 저장하십시오</translation>
    </message>
    <message>
        <source>internal error in {0}: {1}: {2}. Please report it at {3} with the log of this run</source>
        <translation>{0}의 내부 오류: {1}: {2}. 이 실행의 로그와 함께 {3}에 보고해 주십시오</translation>
    </message>
    <message>
        <source>{0}: the file name '{1}' contains '|', which QGIS reads as the start of layer options; rename the file</source>
        <translation>{0}: 파일 이름 '{1}'에 '|'가 있습니다. QGIS는 이를 레이어 옵션의 시작으로 읽습니다. 파일 이름을 바꾸십시오</translation>
    </message>
    <message>
        <source>{0}: the file '{1}' is empty (0 bytes)</source>
        <translation>{0}: 파일 '{1}'이(가) 비어 있습니다(0 바이트)</translation>
    </message>
    <message>
        <source>the intermediate result for {0}</source>
        <translation>{0}의 중간 결과</translation>
    </message>
    <message>
        <source>not enough memory for this run ({0}); process a smaller extent or free memory</source>
        <translation>이 실행에 필요한 메모리가 부족합니다({0}). 더 작은 범위를 처리하거나 메모리를 확보하십시오</translation>
    </message>
    <message>
        <source>the input is nested too deeply to be read ({0})</source>
        <translation>입력의 중첩이 너무 깊어 읽을 수 없습니다({0})</translation>
    </message>
    <message>
        <source>a raster could not be read or written (damaged or truncated file?): {0}</source>
        <translation>래스터를 읽거나 쓸 수 없습니다(손상되었거나 잘린 파일?): {0}</translation>
    </message>
    <message>
        <source>file error: {0}</source>
        <translation>파일 오류: {0}</translation>
    </message>
    <message>
        <source>{0}: '{1}' is not a UTF-8 text file (byte {2}); save it as UTF-8 text</source>
        <translation>{0}: '{1}'은(는) UTF-8 텍스트 파일이 아닙니다(바이트 {2}). UTF-8 텍스트로 저장하십시오</translation>
    </message>
    <message>
        <source>the raster's extent or coordinate reference system cannot be processed ({0}: {1}); a raster crossing the antimeridian (180 degrees) or in an unusual CRS: reproject it to a projected CRS (e.g. its UTM zone) first</source>
        <translation>래스터의 범위 또는 좌표계를 처리할 수 없습니다({0}: {1}). 날짜변경선(180도)을 가로지르거나 흔치 않은 좌표계의 래스터입니다: 먼저 투영 좌표계(예: 해당 UTM 구역)로 재투영하십시오</translation>
    </message>
    <message>
        <source>Bands per date in multi-date files (0: one file per date; dates then from DATES)</source>
        <translation>여러 날짜 파일에서 날짜당 밴드 수 (0: 날짜마다 파일 하나; 그 밖에는 날짜를 DATES에서)</translation>
    </message>
    <message>
        <source>Rasters of one area on different dates</source>
        <translation>한 지역의 여러 날짜 래스터</translation>
    </message>
    <message>
        <source>Dates, one per input in input order (e.g. 1985,1990 or 2019-08-31; empty: from tags or names)</source>
        <translation>날짜, 입력 순서대로 입력마다 하나 (예: 1985,1990 또는 2019-08-31; 비우면 태그나 파일 이름에서)</translation>
    </message>
    <message>
        <source>Band mapping for every date (e.g. green=2,nir=4; empty: automatic)</source>
        <translation>모든 날짜에 적용할 밴드 매핑 (예: green=2,nir=4; 비우면 자동)</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>일괄 처리</translation>
    </message>
    <message>
        <source>Batch run on a Dask cluster (many scenes, resumable)</source>
        <translation>Dask 클러스터에서 일괄 실행 (여러 장면, 이어서 실행 가능)</translation>
    </message>
    <message>
        <source>Runs one SatImpact tool over many rasters or pairs, on this machine or a Dask cluster.</source>
        <translation>SatImpact 도구 하나를 여러 래스터나 쌍에 이 컴퓨터 또는 Dask 클러스터에서 실행합니다.</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>도구</translation>
    </message>
    <message>
        <source>Inputs: files (one per line), a folder, folder/*.tif, or a CSV of before,after pairs</source>
        <translation>입력: 파일(한 줄에 하나), 폴더, 폴더/*.tif, 또는 before,after 쌍의 CSV</translation>
    </message>
    <message>
        <source>Tool parameters (JSON or KEY=VALUE,KEY=VALUE; empty: the tool's defaults)</source>
        <translation>도구 매개변수 (JSON 또는 KEY=VALUE,KEY=VALUE; 비우면 도구의 기본값)</translation>
    </message>
    <message>
        <source>Dask scheduler address (e.g. tcp://host:8786; empty: a local cluster)</source>
        <translation>Dask 스케줄러 주소 (예 tcp://host:8786; 비우면 로컬 클러스터)</translation>
    </message>
    <message>
        <source>Local workers (0: one per core)</source>
        <translation>로컬 작업자 수 (0: 코어마다 하나)</translation>
    </message>
    <message>
        <source>Window size in pixels (splits one large raster into windows; 0: no split)</source>
        <translation>창 크기(픽셀) (큰 래스터 하나를 이 크기의 창으로 나눔; 0: 나누지 않음)</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <source>Combined table (GeoPackage)</source>
        <translation>통합 표 (GeoPackage)</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>매니페스트</translation>
    </message>
    <message>
        <source>Mosaic of the raster outputs (VRT)</source>
        <translation>래스터 출력의 모자이크 (VRT)</translation>
    </message>
    <message>
        <source>Items done</source>
        <translation>완료된 항목</translation>
    </message>
    <message>
        <source>Items failed</source>
        <translation>실패한 항목</translation>
    </message>
    <message>
        <source>Items pending (cancelled)</source>
        <translation>대기 중인 항목 (취소됨)</translation>
    </message>
    <message>
        <source>Water and debris</source>
        <translation>수체와 쓰레기</translation>
    </message>
    <message>
        <source>Floating debris detection (FDI, Sentinel-2)</source>
        <translation>부유 쓰레기 탐지 (FDI, Sentinel-2)</translation>
    </message>
    <message>
        <source>Floating Debris Index and candidate debris patches on water from a Sentinel-2 scene.</source>
        <translation>Sentinel-2 영상에서 부유 쓰레기 지수(FDI)와 수면 위 쓰레기 후보 구역을 구합니다.</translation>
    </message>
    <message>
        <source>Sentinel-2 scene (L1C or L2A)</source>
        <translation>Sentinel-2 영상 (L1C 또는 L2A)</translation>
    </message>
    <message>
        <source>Debris model (empty: debris_fdi or debris_fdi_s2b from the product name)</source>
        <translation>쓰레기 모델 (비우면 제품명에 따라 debris_fdi 또는 debris_fdi_s2b)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. red=4,rededge2=6,nir=8,swir16=12; empty: automatic)</source>
        <translation>밴드 지정 (예: red=4,rededge2=6,nir=8,swir16=12; 비우면 자동)</translation>
    </message>
    <message>
        <source>Floating Debris Index</source>
        <translation>부유 쓰레기 지수</translation>
    </message>
    <message>
        <source>Debris candidates</source>
        <translation>쓰레기 후보</translation>
    </message>
    <message>
        <source>Debris model used</source>
        <translation>사용한 쓰레기 모델</translation>
    </message>
    <message>
        <source>Water model used</source>
        <translation>사용한 수체 모델</translation>
    </message>
    <message>
        <source>Share of water pixels flagged</source>
        <translation>표시된 수체 픽셀 비율</translation>
    </message>
    <message>
        <source>Flagged pixels</source>
        <translation>표시된 픽셀 수</translation>
    </message>
    <message>
        <source>Cloud-free water pixels</source>
        <translation>구름 없는 수체 픽셀 수</translation>
    </message>
    <message>
        <source>Candidate patches</source>
        <translation>후보 구역 수</translation>
    </message>
    <message>
        <source>Floods</source>
        <translation>홍수</translation>
    </message>
    <message>
        <source>dry</source>
        <translation>건조</translation>
    </message>
    <message>
        <source>permanent water</source>
        <translation>상시 수체</translation>
    </message>
    <message>
        <source>new flood</source>
        <translation>신규 침수</translation>
    </message>
    <message>
        <source>receded water</source>
        <translation>물이 빠진 곳</translation>
    </message>
    <message>
        <source>Flood change (before / after)</source>
        <translation>홍수 변화 탐지 (이전 / 이후)</translation>
    </message>
    <message>
        <source>Maps new flood, permanent and receded water between two scenes and the flooded share per cell.</source>
        <translation>두 시기 영상 사이의 신규 침수, 상시 수체, 물이 빠진 지역과 격자별 침수 비율을 구합니다.</translation>
    </message>
    <message>
        <source>Zones (polygons instead of the grid)</source>
        <translation>구역 (격자 대신 사용할 폴리곤)</translation>
    </message>
    <message>
        <source>Model defaults (Otsu for water, Kittler-Illingworth for the log-ratio)</source>
        <translation>모델 기본값 (수체는 Otsu, 로그비는 Kittler-Illingworth)</translation>
    </message>
    <message>
        <source>Scene before the flood</source>
        <translation>홍수 이전 영상</translation>
    </message>
    <message>
        <source>Scene after (or during) the flood</source>
        <translation>홍수 이후(또는 홍수 중) 영상</translation>
    </message>
    <message>
        <source>Model (empty: chosen from the bands; or a water model, or a two-input change model name/.onnx)</source>
        <translation>모델 (비우면 밴드에 따라 선택; 수체 모델 또는 두 입력 변화 모델 이름/.onnx)</translation>
    </message>
    <message>
        <source>Band mapping of the before scene (e.g. green=3,swir16=6; empty: automatic)</source>
        <translation>이전 영상의 밴드 지정 (예: green=3,swir16=6; 비우면 자동)</translation>
    </message>
    <message>
        <source>Band mapping of the after scene (e.g. green=3,swir16=6; empty: automatic)</source>
        <translation>이후 영상의 밴드 지정 (예: green=3,swir16=6; 비우면 자동)</translation>
    </message>
    <message>
        <source>Grid cell size (metres)</source>
        <translation>격자 크기 (미터)</translation>
    </message>
    <message>
        <source>Damage threshold (share of a cell newly flooded)</source>
        <translation>피해 기준 (격자 내 신규 침수 비율)</translation>
    </message>
    <message>
        <source>Automatic thresholds for radar scenes (water on each date and the log-ratio change)</source>
        <translation>레이더 영상의 자동 임계값 (각 시기의 수체와 로그비 변화)</translation>
    </message>
    <message>
        <source>Flood change classes</source>
        <translation>홍수 변화 분류</translation>
    </message>
    <message>
        <source>Flooded share per cell</source>
        <translation>격자별 침수 비율</translation>
    </message>
    <message>
        <source>New flood (km2)</source>
        <translation>신규 침수 면적 (km2)</translation>
    </message>
    <message>
        <source>Damaged cells</source>
        <translation>피해 격자 수</translation>
    </message>
    <message>
        <source>Method, alignment and thresholds</source>
        <translation>방법, 정렬, 임계값</translation>
    </message>
    <message>
        <source>Not damaged</source>
        <translation>피해 없음</translation>
    </message>
    <message>
        <source>Damaged: flooded share &gt; {0} %</source>
        <translation>피해: 침수 비율 &gt; {0} %</translation>
    </message>
    <message>
        <source>Green space</source>
        <translation>녹지</translation>
    </message>
    <message>
        <source>Urban green ratio</source>
        <translation>도시 녹지 비율</translation>
    </message>
    <message>
        <source>Share of vegetation and green area (per person) for city zones or a grid of cells.</source>
        <translation>도시 구역 또는 격자별 식생 비율과 (1인당) 녹지 면적을 구합니다.</translation>
    </message>
    <message>
        <source>Zones (city boundaries, districts; empty: a grid of cells)</source>
        <translation>구역 (도시 경계, 행정구역; 비우면 격자)</translation>
    </message>
    <message>
        <source>Ground resolution in metres (layers that are not files; default: 10)</source>
        <translation>지상 해상도, 미터 (파일이 아닌 레이어; 기본값: 10)</translation>
    </message>
    <message>
        <source>{0} - {1} % green</source>
        <translation>녹지 {0} - {1} %</translation>
    </message>
    <message>
        <source>Input raster (summer imagery)</source>
        <translation>입력 래스터 (여름 영상)</translation>
    </message>
    <message>
        <source>Green model (green_ndvi, green_rgb or an .onnx path; empty: chosen from the bands)</source>
        <translation>녹지 모델 (green_ndvi, green_rgb 또는 .onnx 경로; 비우면 밴드에 따라 선택)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. red=3,nir=4 or a layout name; empty: automatic)</source>
        <translation>밴드 지정 (예: red=3,nir=4 또는 배열 이름; 비우면 자동)</translation>
    </message>
    <message>
        <source>Grid cell size in metres (used when there are no zones)</source>
        <translation>격자 크기 (미터, 구역이 없을 때 사용)</translation>
    </message>
    <message>
        <source>Population field of the zones (optional)</source>
        <translation>구역의 인구 필드 (선택)</translation>
    </message>
    <message>
        <source>Green ratio</source>
        <translation>녹지 비율</translation>
    </message>
    <message>
        <source>Vegetation mask</source>
        <translation>식생 마스크</translation>
    </message>
    <message>
        <source>Green ratio of the whole raster</source>
        <translation>래스터 전체의 녹지 비율</translation>
    </message>
    <message>
        <source>Season warning (empty: none)</source>
        <translation>계절 경고 (비어 있으면 없음)</translation>
    </message>
    <message>
        <source>Green model used</source>
        <translation>사용한 녹지 모델</translation>
    </message>
    <message>
        <source>Green ratio over time</source>
        <translation>시간에 따른 녹지 비율</translation>
    </message>
    <message>
        <source>Green ratio per zone across a stack of dates, with the season check per date and a trend.</source>
        <translation>여러 날짜의 래스터에서 구역별 녹지 비율을 날짜별 계절 확인과 추세와 함께 계산합니다.</translation>
    </message>
    <message>
        <source>Zones (districts, parks; empty: the area all dates cover)</source>
        <translation>구역 (행정구, 공원; 비우면 모든 날짜가 덮는 지역)</translation>
    </message>
    <message>
        <source>Green model (empty: green_ndvi with red and NIR, else green_rgb)</source>
        <translation>녹지 모델 (비우면 적색과 NIR이 있으면 green_ndvi, 없으면 green_rgb)</translation>
    </message>
    <message>
        <source>Green ratio per zone and date</source>
        <translation>구역별·날짜별 녹지 비율</translation>
    </message>
    <message>
        <source>Number of dates</source>
        <translation>날짜 수</translation>
    </message>
    <message>
        <source>Poverty and development</source>
        <translation>빈곤과 발전</translation>
    </message>
    <message>
        <source>least developed</source>
        <translation>개발 수준 최하</translation>
    </message>
    <message>
        <source>less developed</source>
        <translation>개발 수준 하</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>중간</translation>
    </message>
    <message>
        <source>more developed</source>
        <translation>개발 수준 상</translation>
    </message>
    <message>
        <source>most developed</source>
        <translation>개발 수준 최상</translation>
    </message>
    <message>
        <source>Poverty grid (development score per cell)</source>
        <translation>빈곤 격자 (격자별 발전 점수)</translation>
    </message>
    <message>
        <source>Scores economic development per grid cell or zone from daytime imagery.</source>
        <translation>주간 위성영상으로 격자 또는 구역별 경제 발전 수준을 점수화합니다.</translation>
    </message>
    <message>
        <source>Zones to score instead of a grid (optional)</source>
        <translation>격자 대신 점수를 매길 구역 (선택)</translation>
    </message>
    <message>
        <source>Ground resolution in metres to render such layers (default: the model's source imagery)</source>
        <translation>이런 레이어를 렌더링할 지상 해상도 (미터, 기본값: 모델의 원본 영상)</translation>
    </message>
    <message>
        <source>Imagery (RGB or Sentinel-2)</source>
        <translation>영상 (RGB 또는 Sentinel-2)</translation>
    </message>
    <message>
        <source>Score model (chip model)</source>
        <translation>점수 모델 (칩 모델)</translation>
    </message>
    <message>
        <source>Cell size (metres)</source>
        <translation>격자 크기 (미터)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. red=4,green=3,blue=2; empty: automatic)</source>
        <translation>밴드 지정 (예: red=4,green=3,blue=2; 비우면 자동)</translation>
    </message>
    <message>
        <source>Least share of valid pixels in a chip</source>
        <translation>칩의 최소 유효 픽셀 비율</translation>
    </message>
    <message>
        <source>Development score</source>
        <translation>발전 점수</translation>
    </message>
    <message>
        <source>Cell scores as a raster</source>
        <translation>격자 점수 래스터</translation>
    </message>
    <message>
        <source>Model used</source>
        <translation>사용한 모델</translation>
    </message>
    <message>
        <source>CRS of the cells</source>
        <translation>격자 좌표계</translation>
    </message>
    <message>
        <source>Run model (any carded ONNX model)</source>
        <translation>모델 실행 (카드가 있는 모든 ONNX 모델)</translation>
    </message>
    <message>
        <source>Runs a SatImpact or Deepness ONNX model over a raster, tile by tile.</source>
        <translation>SatImpact 또는 Deepness ONNX 모델을 래스터에 타일 단위로 실행합니다.</translation>
    </message>
    <message>
        <source>Ground resolution in metres (layers that are not files; default: the model card's)</source>
        <translation>지상 해상도 (미터, 파일이 아닌 레이어; 기본값: 모델 카드 값)</translation>
    </message>
    <message>
        <source>Input raster</source>
        <translation>입력 래스터</translation>
    </message>
    <message>
        <source>Model (shipped or user model name, or path of a carded .onnx file)</source>
        <translation>모델 (기본 제공 또는 사용자 모델 이름, 또는 카드가 있는 .onnx 파일 경로)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. green=3,swir16=12 or a layout name; empty: automatic)</source>
        <translation>밴드 지정 (예: green=3,swir16=12 또는 배열 이름; 비우면 자동)</translation>
    </message>
    <message>
        <source>Model output (raster: values, classes, upscaled image or similarity)</source>
        <translation>모델 출력 (래스터: 값, 클래스, 확대 영상 또는 유사도)</translation>
    </message>
    <message>
        <source>Polygons (segmentation: one per class area; detection: boxes)</source>
        <translation>폴리곤 (분할: 클래스 영역마다 하나; 탐지: 박스)</translation>
    </message>
    <message>
        <source>Class probabilities (segmentation)</source>
        <translation>클래스 확률 (분할)</translation>
    </message>
    <message>
        <source>Model card summary</source>
        <translation>모델 카드 요약</translation>
    </message>
    <message>
        <source>Model saved with the stated card</source>
        <translation>지정한 카드로 저장된 모델</translation>
    </message>
    <message>
        <source>Model type, for a model without a card (segmentation, regression, detection, superresolution, recognition, index, features)</source>
        <translation>모델 유형, 카드가 없는 모델용 (segmentation, regression, detection, superresolution, recognition, index, features)</translation>
    </message>
    <message>
        <source>Tile size in px (no card; default: the graph's fixed input size, else 512)</source>
        <translation>타일 크기(픽셀) (카드 없음; 기본값: 그래프의 고정 입력 크기, 없으면 512)</translation>
    </message>
    <message>
        <source>Tile overlap in px (no card; default 15% of the tile)</source>
        <translation>타일 겹침(픽셀) (카드 없음; 기본값 타일의 15%)</translation>
    </message>
    <message>
        <source>Resolution of the model's training data in m/px (no card)</source>
        <translation>모델 학습 데이터의 해상도(m/픽셀) (카드 없음)</translation>
    </message>
    <message>
        <source>Scale: model value = raw x SCALE + OFFSET (no card; default 1/255)</source>
        <translation>스케일: 모델 값 = 원시값 x SCALE + OFFSET (카드 없음; 기본값 1/255)</translation>
    </message>
    <message>
        <source>Offset (no card; default 0)</source>
        <translation>오프셋 (카드 없음; 기본값 0)</translation>
    </message>
    <message>
        <source>Mean per band, after scaling (no card; ImageNet: 0.485,0.456,0.406)</source>
        <translation>밴드별 평균, 스케일 적용 후 (카드 없음; ImageNet: 0.485,0.456,0.406)</translation>
    </message>
    <message>
        <source>Std per band, after scaling (no card; ImageNet: 0.229,0.224,0.225)</source>
        <translation>밴드별 표준편차, 스케일 적용 후 (카드 없음; ImageNet: 0.229,0.224,0.225)</translation>
    </message>
    <message>
        <source>Raster bands in the model's input order, e.g. 1,2,3 (no card; default: the first ones)</source>
        <translation>모델 입력 순서대로의 래스터 밴드, 예: 1,2,3 (카드 없음; 기본값: 앞쪽 밴드)</translation>
    </message>
    <message>
        <source>Class probability threshold (no card; segmentation, default 0.5)</source>
        <translation>클래스 확률 임계값 (카드 없음; segmentation, 기본값 0.5)</translation>
    </message>
    <message>
        <source>Save stated parameters as a card (in a copy of the model; no card)</source>
        <translation>지정한 매개변수를 카드로 저장 (모델 사본에; 카드 없음)</translation>
    </message>
    <message>
        <source>Remove small segments: Deepness' size (segmentation; default: the card's seg_small_segment)</source>
        <translation>작은 조각 제거: Deepness의 크기 (분할; 기본값: 카드의 seg_small_segment)</translation>
    </message>
    <message>
        <source>Polygon simplification tolerance in pixels (segmentation; default 1)</source>
        <translation>폴리곤 단순화 허용 오차(픽셀) (분할; 기본값 1)</translation>
    </message>
    <message>
        <source>Smallest polygon kept, in pixels (segmentation; default 0)</source>
        <translation>남길 가장 작은 폴리곤(픽셀) (분할; 기본값 0)</translation>
    </message>
    <message>
        <source>Detection confidence threshold (default: the card's det_conf, else 0.5)</source>
        <translation>탐지 신뢰도 임계값 (기본값: 카드의 det_conf, 없으면 0.5)</translation>
    </message>
    <message>
        <source>Detection overlap (IoU) above which the weaker box is dropped (default: det_iou_thresh, else 0.4)</source>
        <translation>이 겹침(IoU)을 넘으면 약한 박스를 버림 (기본값: det_iou_thresh, 없으면 0.4)</translation>
    </message>
    <message>
        <source>Query image (recognition: tiles are compared with it)</source>
        <translation>질의 영상 (인식: 타일을 이 영상과 비교)</translation>
    </message>
    <message>
        <source>Train poverty model from an expert ranking (partial order of clusters)</source>
        <translation>전문가 순위로 빈곤 모델 학습 (클러스터 부분 순서)</translation>
    </message>
    <message>
        <source>Learns a 0-1 development score from image clusters and an expert partial order.</source>
        <translation>영상 클러스터와 전문가의 부분 순서로 0-1 발전 점수를 학습합니다.</translation>
    </message>
    <message>
        <source>Chip folder (one subfolder per cluster)</source>
        <translation>칩 폴더 (클러스터마다 하위 폴더)</translation>
    </message>
    <message>
        <source>Or: imagery to cut chips from (with POLYGONS)</source>
        <translation>또는: 칩을 자를 영상 (POLYGONS와 함께)</translation>
    </message>
    <message>
        <source>Polygons of the clusters (with RASTER)</source>
        <translation>클러스터 폴리곤 (RASTER와 함께)</translation>
    </message>
    <message>
        <source>Cluster id field</source>
        <translation>클러스터 ID 필드</translation>
    </message>
    <message>
        <source>Band mapping for RASTER (empty: automatic)</source>
        <translation>RASTER의 밴드 지정 (비우면 자동)</translation>
    </message>
    <message>
        <source>Partial order of the clusters (a&lt;b, a=b=c)</source>
        <translation>클러스터 부분 순서 (a&lt;b, a=b=c)</translation>
    </message>
    <message>
        <source>Featurizer</source>
        <translation>특징 추출기</translation>
    </message>
    <message>
        <source>Ground width of one chip (metres, optional)</source>
        <translation>칩 하나의 지상 폭 (미터, 선택)</translation>
    </message>
    <message>
        <source>Share of each cluster's chips held out</source>
        <translation>클러스터별 검증용 칩 비율</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Kendall tau (leave-cluster-out)</source>
        <translation>Kendall tau (클러스터 단위 교차검증)</translation>
    </message>
    <message>
        <source>Spearman (leave-cluster-out)</source>
        <translation>Spearman (클러스터 단위 교차검증)</translation>
    </message>
    <message>
        <source>Kendall tau (held-out chips, same clusters)</source>
        <translation>Kendall tau (같은 클러스터의 보류 칩)</translation>
    </message>
    <message>
        <source>Spearman (held-out chips, same clusters)</source>
        <translation>Spearman (같은 클러스터의 보류 칩)</translation>
    </message>
    <message>
        <source>Train poverty model from survey points (ridge on image features)</source>
        <translation>조사 지점으로 빈곤 모델 학습 (영상 특징 릿지 회귀)</translation>
    </message>
    <message>
        <source>Fits a ridge regression from image features to a survey label, with a CV report.</source>
        <translation>영상 특징에서 조사 값으로 릿지 회귀를 학습하고 교차검증 보고서를 만듭니다.</translation>
    </message>
    <message>
        <source>Imagery</source>
        <translation>영상</translation>
    </message>
    <message>
        <source>Survey points</source>
        <translation>조사 지점</translation>
    </message>
    <message>
        <source>Label field (wealth index, consumption, ...)</source>
        <translation>라벨 필드 (자산 지수, 소비 등)</translation>
    </message>
    <message>
        <source>Chip size (metres)</source>
        <translation>칩 크기 (미터)</translation>
    </message>
    <message>
        <source>Cross-validation folds</source>
        <translation>교차검증 분할 수</translation>
    </message>
    <message>
        <source>Largest displacement of the survey locations (metres, 0 = exact)</source>
        <translation>조사 위치의 최대 변위 (미터, 0 = 정확)</translation>
    </message>
    <message>
        <source>Featurizer (empty: by the bands)</source>
        <translation>특징 추출기 (비우면 밴드에 따라)</translation>
    </message>
    <message>
        <source>Cross-validated r2</source>
        <translation>교차검증 r2</translation>
    </message>
    <message>
        <source>Cross-validated Spearman</source>
        <translation>교차검증 스피어만 상관</translation>
    </message>
    <message>
        <source>Ridge alpha chosen</source>
        <translation>선택된 릿지 alpha</translation>
    </message>
    <message>
        <source>Points used</source>
        <translation>사용한 지점 수</translation>
    </message>
    <message>
        <source>Water detection (optical or radar)</source>
        <translation>수체 탐지 (광학 또는 레이더)</translation>
    </message>
    <message>
        <source>Maps surface water (rivers, lakes, floods) from Sentinel-2, Landsat or Sentinel-1.</source>
        <translation>Sentinel-2, Landsat, Sentinel-1 영상에서 지표수(하천, 호수, 홍수)를 찾습니다.</translation>
    </message>
    <message>
        <source>Input scene (optical or Sentinel-1)</source>
        <translation>입력 영상 (광학 또는 Sentinel-1)</translation>
    </message>
    <message>
        <source>Water model (empty: chosen from the bands; water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi, water_s1_vv, water_s1_vh)</source>
        <translation>수체 모델 (비우면 밴드에 따라 선택; water_mndwi_evi, water_mndwi, water_ndwi, water_sdwi, water_s1_vv, water_s1_vh)</translation>
    </message>
    <message>
        <source>Band mapping (e.g. green=3,nir=8 or a layout name; empty: automatic)</source>
        <translation>밴드 지정 (예: green=3,nir=8 또는 배열 이름; 비우면 자동)</translation>
    </message>
    <message>
        <source>Automatic threshold for any model (single-polarisation radar models use it by default)</source>
        <translation>모든 모델에 자동 임계값 적용 (단일 편파 레이더 모델은 기본으로 사용)</translation>
    </message>
    <message>
        <source>Water mask</source>
        <translation>수체 마스크</translation>
    </message>
    <message>
        <source>Water index</source>
        <translation>수체 지수</translation>
    </message>
    <message>
        <source>Water bodies</source>
        <translation>수체 폴리곤</translation>
    </message>
    <message>
        <source>Smallest water body, m2 (empty: 4 pixels)</source>
        <translation>최소 수체 면적, m2 (비우면: 4 픽셀)</translation>
    </message>
    <message>
        <source>Threshold used</source>
        <translation>사용한 임계값</translation>
    </message>
    <message>
        <source>How the threshold was found</source>
        <translation>임계값을 구한 방법</translation>
    </message>
    <message>
        <source>Water share of valid pixels</source>
        <translation>유효 픽셀 중 수체 비율</translation>
    </message>
    <message>
        <source>Water pixels</source>
        <translation>수체 픽셀 수</translation>
    </message>
    <message>
        <source>Water area over time (lakes, reservoirs, rivers)</source>
        <translation>시간에 따른 수면 면적 (호수, 저수지, 하천)</translation>
    </message>
    <message>
        <source>Water area per zone across a stack of dates, with occurrence, change classes and a report.</source>
        <translation>여러 날짜의 래스터에서 구역별 수면 면적을 출현 빈도, 변화 등급, 보고서와 함께 계산합니다.</translation>
    </message>
    <message>
        <source>Zones: lakes, reservoirs, river reaches (empty: the area all dates cover)</source>
        <translation>구역: 호수, 저수지, 하천 구간 (비우면 모든 날짜가 덮는 지역)</translation>
    </message>
    <message>
        <source>Water model (empty: chosen from the bands; water_ndwi or water_mndwi for 8-bit imagery)</source>
        <translation>수체 모델 (비우면 밴드로 선택; 8비트 영상에는 water_ndwi 또는 water_mndwi)</translation>
    </message>
    <message>
        <source>Automatic threshold per date (Otsu)</source>
        <translation>날짜별 자동 임계값 (Otsu)</translation>
    </message>
    <message>
        <source>Reference grid (empty: the first date's)</source>
        <translation>기준 격자 (비우면 첫 날짜의 격자)</translation>
    </message>
    <message>
        <source>Water area per zone and date</source>
        <translation>구역별·날짜별 수면 면적</translation>
    </message>
    <message>
        <source>Water occurrence</source>
        <translation>수면 출현 빈도</translation>
    </message>
    <message>
        <source>Water change classes</source>
        <translation>수면 변화 등급</translation>
    </message>
    <message>
        <source>Poverty from daytime imagery</source>
        <translation>주간 영상으로 본 빈곤</translation>
    </message>
    <message>
        <source>Random convolutional features</source>
        <translation>무작위 합성곱 특징</translation>
    </message>
    <message>
        <source>Human-machine development score</source>
        <translation>인간-기계 협업 개발 점수</translation>
    </message>
    <message>
        <source>Urban green space</source>
        <translation>도시 녹지</translation>
    </message>
    <message>
        <source>Water indices</source>
        <translation>수체 지수</translation>
    </message>
    <message>
        <source>Floating debris</source>
        <translation>부유 쓰레기</translation>
    </message>
    <message>
        <source>Flood data</source>
        <translation>홍수 데이터</translation>
    </message>
    <message>
        <source>Methods:</source>
        <translation>방법:</translation>
    </message>
    <message>
        <source>&lt;p&gt;Satellite imagery to indicators for the Sustainable Development Goals, as Processing tools backed by carded ONNX models.&lt;/p&gt;&lt;p&gt;Licence: GNU GPL v2 or later. Models carry their own licence and citation in their card (see the model manager).&lt;/p&gt;</source>
        <translation>&lt;p&gt;위성 영상을 지속가능발전목표(SDG) 지표로 바꾸는 프로세싱 도구 모음이며, 카드가 있는 ONNX 모델로 동작합니다.&lt;/p&gt;&lt;p&gt;라이선스: GNU GPL v2 이상. 모델은 각자의 라이선스와 인용 정보를 카드에 담고 있습니다(모델 관리자 참조).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>empty: automatic, e.g. green=3,nir=8 or a layout name</source>
        <translation>비우면 자동, 예: green=3,nir=8 또는 배열 이름</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>(찾지 못함)</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(자동)</translation>
    </message>
    <message>
        <source> - automatic</source>
        <translation> - 자동</translation>
    </message>
    <message>
        <source>Card for a model without one</source>
        <translation>카드가 없는 모델의 카드</translation>
    </message>
    <message>
        <source>graph's size, else 512</source>
        <translation>그래프의 크기, 없으면 512</translation>
    </message>
    <message>
        <source>15% of the tile</source>
        <translation>타일의 15%</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Model type</source>
        <translation>모델 유형</translation>
    </message>
    <message>
        <source>Tile size (px)</source>
        <translation>타일 크기(픽셀)</translation>
    </message>
    <message>
        <source>Tile overlap (px)</source>
        <translation>타일 겹침(픽셀)</translation>
    </message>
    <message>
        <source>Resolution of the training data (m/px)</source>
        <translation>학습 데이터의 해상도(m/픽셀)</translation>
    </message>
    <message>
        <source>Scale (model value = raw x scale + offset)</source>
        <translation>스케일 (모델 값 = 원시값 x 스케일 + 오프셋)</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>오프셋</translation>
    </message>
    <message>
        <source>Mean per band (after scaling)</source>
        <translation>밴드별 평균 (스케일 적용 후)</translation>
    </message>
    <message>
        <source>Std per band (after scaling)</source>
        <translation>밴드별 표준편차 (스케일 적용 후)</translation>
    </message>
    <message>
        <source>Band names, in the model's input order</source>
        <translation>모델 입력 순서대로의 밴드 이름</translation>
    </message>
    <message>
        <source>Class probability threshold (segmentation)</source>
        <translation>클래스 확률 임계값 (segmentation)</translation>
    </message>
    <message>
        <source>SatImpact: install Python packages</source>
        <translation>SatImpact: 파이썬 패키지 설치</translation>
    </message>
    <message>
        <source>Looking for the Python interpreter that runs QGIS...</source>
        <translation>QGIS를 실행하는 파이썬 인터프리터를 찾는 중...</translation>
    </message>
    <message>
        <source>Cancelled; the package folder may be incomplete, run the installer again.</source>
        <translation>취소했습니다. 패키지 폴더가 불완전할 수 있으니 설치를 다시 실행하십시오.</translation>
    </message>
    <message>
        <source>Creating the plugin's package folder</source>
        <translation>플러그인 전용 패키지 폴더를 만드는 중</translation>
    </message>
    <message>
        <source>Installing with pip</source>
        <translation>pip로 설치하는 중</translation>
    </message>
    <message>
        <source>Checking that the packages import</source>
        <translation>패키지를 가져올 수 있는지 확인하는 중</translation>
    </message>
    <message>
        <source>see the log above</source>
        <translation>위의 로그를 참조하십시오</translation>
    </message>
    <message>
        <source>Installing {0} into {1} with the Python that runs QGIS. System packages are not touched.</source>
        <translation>QGIS를 실행하는 파이썬으로 {0}을(를) {1}에 설치합니다. 시스템 패키지는 변경하지 않습니다.</translation>
    </message>
    <message>
        <source>Could not find the Python interpreter that runs QGIS (looked at: {0}).</source>
        <translation>QGIS를 실행하는 파이썬 인터프리터를 찾을 수 없습니다(확인한 곳: {0}).</translation>
    </message>
    <message>
        <source>Installed and checked: {0}. Restart QGIS to use SatImpact.</source>
        <translation>설치 및 확인 완료: {0}. SatImpact를 사용하려면 QGIS를 다시 시작하십시오.</translation>
    </message>
    <message>
        <source>Could not start {0}.</source>
        <translation>{0}을(를) 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>Failed (exit code {0}): {1}</source>
        <translation>실패(종료 코드 {0}): {1}</translation>
    </message>
    <message>
        <source>SatImpact model manager</source>
        <translation>SatImpact 모델 관리자</translation>
    </message>
    <message>
        <source>Import model...</source>
        <translation>모델 가져오기...</translation>
    </message>
    <message>
        <source>Remove user model</source>
        <translation>사용자 모델 삭제</translation>
    </message>
    <message>
        <source>Add a card to a model...</source>
        <translation>모델에 카드 추가...</translation>
    </message>
    <message>
        <source>Import an ONNX model</source>
        <translation>ONNX 모델 가져오기</translation>
    </message>
    <message>
        <source>An ONNX model without a card</source>
        <translation>카드가 없는 ONNX 모델</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>모델 삭제</translation>
    </message>
    <message>
        <source>Replace model</source>
        <translation>모델 교체</translation>
    </message>
    <message>
        <source>Model refused</source>
        <translation>모델 거부됨</translation>
    </message>
    <message>
        <source>Remove the user model '{0}'?</source>
        <translation>사용자 모델 '{0}'을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>사용 불가</translation>
    </message>
    <message>
        <source>{0}. Replace it?</source>
        <translation>{0}. 교체하시겠습니까?</translation>
    </message>
    <message>
        <source>Choose an .onnx model file</source>
        <translation>.onnx 모델 파일 선택</translation>
    </message>
    <message>
        <source>ONNX model</source>
        <translation>ONNX 모델</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>Automatic (from the bands)</source>
        <translation>자동 (밴드 구성에서 선택)</translation>
    </message>
    <message>
        <source>Edit model...</source>
        <translation>모델 편집...</translation>
    </message>
    <message>
        <source>{0} (percentile {1}-{2})</source>
        <translation>{0} (백분위 {1}-{2})</translation>
    </message>
    <message>
        <source>Floating debris: FDI and NDVI (Biermann et al. 2020), Sentinel-2A wavelengths</source>
        <translation>부유 쓰레기: FDI와 NDVI (Biermann 외 2020), Sentinel-2A 파장</translation>
    </message>
    <message>
        <source>Floating debris: FDI and NDVI (Biermann et al. 2020), Sentinel-2B wavelengths</source>
        <translation>부유 쓰레기: FDI와 NDVI (Biermann 외 2020), Sentinel-2B 파장</translation>
    </message>
    <message>
        <source>Flood change: Sentinel-1 log-ratio (VV, VH in dB)</source>
        <translation>홍수 변화: Sentinel-1 로그 비율 (VV, VH, dB)</translation>
    </message>
    <message>
        <source>Flood change: Sentinel-1 log-ratio (VH in dB)</source>
        <translation>홍수 변화: Sentinel-1 로그 비율 (VH, dB)</translation>
    </message>
    <message>
        <source>Flood change: Sentinel-1 log-ratio (VV in dB)</source>
        <translation>홍수 변화: Sentinel-1 로그 비율 (VV, dB)</translation>
    </message>
    <message>
        <source>Vegetation from NDVI (green space, NDVI &gt; 0.2)</source>
        <translation>NDVI 기반 식생 (녹지, NDVI &gt; 0.2)</translation>
    </message>
    <message>
        <source>Vegetation from RGB only (logistic on colour ratios, no NIR)</source>
        <translation>RGB만으로 식생 탐지 (색 비율 로지스틱 회귀, 근적외선 없음)</translation>
    </message>
    <message>
        <source>NDVI (normalised difference vegetation index)</source>
        <translation>NDVI (정규식생지수)</translation>
    </message>
    <message>
        <source>Random convolutional features (MOSAIKS), RGB 8-bit</source>
        <translation>무작위 합성곱 특징 (MOSAIKS), RGB 8비트</translation>
    </message>
    <message>
        <source>Random convolutional features (MOSAIKS), Sentinel-2 multispectral</source>
        <translation>무작위 합성곱 특징 (MOSAIKS), Sentinel-2 다중분광</translation>
    </message>
    <message>
        <source>Relative development score, North Korea (normalised random features, ridge ranking)</source>
        <translation>상대 발전 점수, 북한 (정규화한 무작위 특징, 릿지 순위 학습)</translation>
    </message>
    <message>
        <source>Water: MNDWI (Xu 2006), green/SWIR 1.6 um</source>
        <translation>수체: MNDWI (Xu 2006), 녹색/단파적외선 1.6 um</translation>
    </message>
    <message>
        <source>Water: MNDWI with vegetation tests (Zou et al. 2017/2018)</source>
        <translation>수체: 식생 검사를 더한 MNDWI (Zou 외 2017/2018)</translation>
    </message>
    <message>
        <source>Water: NDWI (McFeeters 1996), green/NIR</source>
        <translation>수체: NDWI (McFeeters 1996), 녹색/근적외선</translation>
    </message>
    <message>
        <source>Water: Sentinel-1 VH backscatter (single polarisation, dB)</source>
        <translation>수체: Sentinel-1 VH 후방산란 (단일 편파, dB)</translation>
    </message>
    <message>
        <source>Water: Sentinel-1 VV backscatter (single polarisation, dB)</source>
        <translation>수체: Sentinel-1 VV 후방산란 (단일 편파, dB)</translation>
    </message>
    <message>
        <source>Water: Sentinel-1 VV + VH backscatter (dual polarisation, dB)</source>
        <translation>수체: Sentinel-1 VV + VH 후방산란 (이중 편파, dB)</translation>
    </message>
    <message>
        <source>Flood impact on poverty</source>
        <translation>홍수가 빈곤에 미치는 영향</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>작업 흐름</translation>
    </message>
    <message>
        <source>Flood change between two scenes, flooded share per grid cell, development scores of the same cells, and the cells that are both flooded (damaged) and among the least developed. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Flood impact on poverty' -- before=pre.tif after=post.tif imagery=pre.tif flood:flood_change=change.tif flood:flood_cells=TEMPORARY_OUTPUT poverty:cells_scored=cells.gpkg poor_and_flooded:poor_and_flooded=priority.gpkg&lt;/code&gt; (qgis_process needs every output named; TEMPORARY_OUTPUT for those you do not keep). The development scores need imagery larger than one model chip (1.87 km); cells whose chip has too little valid imagery get NULL scores.</source>
        <translation>두 영상 사이의 홍수 변화, 격자별 침수 비율, 같은 격자의 발전 점수, 그리고 침수(피해)되었으면서 가장 덜 발전한 격자를 구합니다. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Flood impact on poverty' -- before=pre.tif after=post.tif imagery=pre.tif flood:flood_change=change.tif flood:flood_cells=TEMPORARY_OUTPUT poverty:cells_scored=cells.gpkg poor_and_flooded:poor_and_flooded=priority.gpkg&lt;/code&gt; (qgis_process에는 모든 출력의 이름이 필요합니다. 보관하지 않을 출력은 TEMPORARY_OUTPUT으로 두세요). 발전 점수를 구하려면 영상이 모델 칩 하나(1.87 km)보다 커야 합니다. 칩 안의 유효 영상이 너무 적은 격자는 점수가 NULL이 됩니다.</translation>
    </message>
    <message>
        <source>Scene after (or during) the flood.</source>
        <translation>홍수 이후(또는 홍수 중) 영상.</translation>
    </message>
    <message>
        <source>Scene before the flood (Sentinel-2, Landsat or Sentinel-1).</source>
        <translation>홍수 이전 영상 (Sentinel-2, Landsat 또는 Sentinel-1).</translation>
    </message>
    <message>
        <source>Grid cell size in metres.</source>
        <translation>격자 크기(미터).</translation>
    </message>
    <message>
        <source>Share of a cell newly flooded above which it counts as damaged.</source>
        <translation>격자에서 새로 침수된 비율이 이 값을 넘으면 피해 격자로 봅니다.</translation>
    </message>
    <message>
        <source>Imagery to score development on (RGB or Sentinel-2); often the before scene.</source>
        <translation>발전 점수를 매길 영상 (RGB 또는 Sentinel-2). 보통 홍수 이전 영상입니다.</translation>
    </message>
    <message>
        <source>Cells at or below this percentile of the development score count as poor.</source>
        <translation>발전 점수가 이 백분위수 이하인 격자를 빈곤 격자로 봅니다.</translation>
    </message>
    <message>
        <source>Scene after the flood</source>
        <translation>홍수 이후 영상</translation>
    </message>
    <message>
        <source>Imagery for development scores</source>
        <translation>발전 점수용 영상</translation>
    </message>
    <message>
        <source>Cells both poor and flooded</source>
        <translation>빈곤하면서 침수된 격자</translation>
    </message>
    <message>
        <source>Poor cells: development percentile at or below</source>
        <translation>빈곤 격자: 발전 점수 백분위수 기준 (이하)</translation>
    </message>
    <message>
        <source>Cells with flood figures and development scores</source>
        <translation>침수 수치와 발전 점수가 있는 격자</translation>
    </message>
    <message>
        <source>Flood change per cell</source>
        <translation>격자별 홍수 변화</translation>
    </message>
    <message>
        <source>Development score of the same cells</source>
        <translation>같은 격자의 발전 점수</translation>
    </message>
    <message>
        <source>Green space per person by district</source>
        <translation>구역별 1인당 녹지</translation>
    </message>
    <message>
        <source>Green ratio and green area per person for each district of a summer scene, ranked from the least to the most green space per person (green_rank 1 = least). &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district' -- scene=summer.tif districts=districts.gpkg population=pop ranked:districts_green=green.gpkg&lt;/code&gt;</source>
        <translation>여름 영상에서 구역마다 녹지 비율과 1인당 녹지 면적을 구하고, 1인당 녹지가 가장 적은 구역부터 순위를 매깁니다 (green_rank 1 = 가장 적음). &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district' -- scene=summer.tif districts=districts.gpkg population=pop ranked:districts_green=green.gpkg&lt;/code&gt;</translation>
    </message>
    <message>
        <source>District polygons.</source>
        <translation>구역 폴리곤.</translation>
    </message>
    <message>
        <source>Population field of the districts.</source>
        <translation>구역의 인구 필드.</translation>
    </message>
    <message>
        <source>Summer imagery (Sentinel-2, Landsat, or RGB).</source>
        <translation>여름 영상 (Sentinel-2, Landsat 또는 RGB).</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>구역</translation>
    </message>
    <message>
        <source>Population field</source>
        <translation>인구 필드</translation>
    </message>
    <message>
        <source>Districts with green space per person</source>
        <translation>1인당 녹지가 있는 구역</translation>
    </message>
    <message>
        <source>Summer scene</source>
        <translation>여름 영상</translation>
    </message>
    <message>
        <source>Green ratio per district</source>
        <translation>구역별 녹지 비율</translation>
    </message>
    <message>
        <source>Rank by green area per person (1 = least)</source>
        <translation>1인당 녹지 면적 순위 (1 = 가장 적음)</translation>
    </message>
    <message>
        <source>Green space per person by district over years</source>
        <translation>연도별 구역별 1인당 녹지</translation>
    </message>
    <message>
        <source>The green space per person workflow over a stack of summer scenes: green ratio, green area and green area per person for each district on each date, with the season check per date and the trend of the green ratio per district (satimpact:greenseries). The one population field is used for every date. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district over years' -- scenes=2016.tif scenes=2018.tif scenes=2020.tif districts=districts.gpkg population=pop per_person:districts_green_by_year=green.gpkg&lt;/code&gt;</source>
        <translation>여러 여름 영상에 대한 1인당 녹지 작업 흐름: 날짜마다 구역별 녹지 비율, 녹지 면적, 1인당 녹지 면적을 구하고, 날짜별 계절 검사와 구역별 녹지 비율 추세를 함께 냅니다 (satimpact:greenseries). 인구 필드 하나를 모든 날짜에 씁니다. &lt;br&gt;&lt;code&gt;qgis_process run 'satimpact:Green space per person by district over years' -- scenes=2016.tif scenes=2018.tif scenes=2020.tif districts=districts.gpkg population=pop per_person:districts_green_by_year=green.gpkg&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Optional: one date per scene, in order (e.g. 2016,2018,2020), when names and tags lack them.</source>
        <translation>선택: 파일 이름과 태그에 날짜가 없을 때 영상마다 날짜 하나씩, 순서대로 (예: 2016,2018,2020).</translation>
    </message>
    <message>
        <source>Summer imagery of the same area on different dates (Sentinel-2, Landsat, NAIP or RGB).</source>
        <translation>같은 지역을 여러 날짜에 찍은 여름 영상 (Sentinel-2, Landsat, NAIP 또는 RGB).</translation>
    </message>
    <message>
        <source>Dates, one per scene (empty: from tags or names)</source>
        <translation>날짜, 영상마다 하나 (비우면 태그나 이름에서)</translation>
    </message>
    <message>
        <source>Districts with green space per person, per date</source>
        <translation>날짜별 1인당 녹지가 있는 구역</translation>
    </message>
    <message>
        <source>Summer scenes (one per date)</source>
        <translation>여름 영상 (날짜마다 하나)</translation>
    </message>
    <message>
        <source>Green ratio per district and date</source>
        <translation>구역별·날짜별 녹지 비율</translation>
    </message>
    <message>
        <source>Green area per person</source>
        <translation>1인당 녹지 면적</translation>
    </message>
</context>
<context>
    <name>ModelChooserWrapper</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
<context>
    <name>BandMapWrapper</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
<context>
    <name>WidgetWrapper</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
<context>
    <name>ParametersPanel</name>
    <message>
        <source> [optional]</source>
        <translation> [선택]</translation>
    </message>
</context>
</TS>
